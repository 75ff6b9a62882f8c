// Who signs in: users, their sessions, and failed sign-ins (the throttle).
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { USER_ROLES } from "../../core/enums";

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  phone: text("phone").notNull().unique(),
  /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` */
  passwordHash: text("password_hash").notNull(),
  nickname: text("nickname").notNull(),
  role: text("role", { enum: USER_ROLES }).notNull().default("shopper"),
  createdAt: integer("created_at").notNull(),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    phone: text("phone").notNull(),
    /** The client address it came from (CF-Connecting-IP; an IPv6 address by its /64); NULL before it was kept. */
    address: text("address"),
    at: integer("at").notNull(),
  },
  (t) => [
    // throttles count per (phone, address) and per address: never per phone alone, which would let anyone lock anyone out
    index("login_failures_phone_address_at_idx").on(t.phone, t.address, t.at),
    index("login_failures_address_at_idx").on(t.address, t.at),
  ],
);
