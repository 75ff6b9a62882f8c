// Bargains (砍价) and the friends' helps that cut them.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { products } from "./catalogue";

export const bargains = sqliteTable(
  "bargains",
  {
    id: text("id").primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    priceCents: integer("price_cents").notNull(),
    floorCents: integer("floor_cents").notNull(),
    currentCents: integer("current_cents").notNull(),
    helpersNeeded: integer("helpers_needed").notNull(),
    helperCount: integer("helper_count").notNull().default(0),
    /** The planned cuts, JSON array of cents, drawn when the bargain starts. */
    cutsCents: text("cuts_cents").notNull(),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("bargains_user_product_idx").on(t.userId, t.productId, t.expiresAt),
    check("bargains_floor", sql`${t.currentCents} >= ${t.floorCents}`),
    check("bargains_helpers", sql`${t.helperCount} <= ${t.helpersNeeded}`),
  ],
);

export const bargainHelps = sqliteTable(
  "bargain_helps",
  {
    bargainId: text("bargain_id")
      .notNull()
      .references(() => bargains.id),
    helperUserId: integer("helper_user_id")
      .notNull()
      .references(() => users.id),
    /** 1-based position of this cut. */
    seq: integer("seq").notNull(),
    cutCents: integer("cut_cents").notNull(),
    /** The helper's calendar day in the store's time zone: 5 helps a day. */
    day: text("day").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bargainId, t.helperUserId] }),
    uniqueIndex("bargain_helps_seq_uniq").on(t.bargainId, t.seq),
    index("bargain_helps_helper_day_idx").on(t.helperUserId, t.day),
  ],
);
