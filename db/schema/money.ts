// Money that is not an order's: the wallet's ledger, check-ins, and commission.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { COMMISSION_BUCKETS, COMMISSION_EVENTS, WALLET_ENTRY_KINDS } from "../../core/enums";
import { users } from "./accounts";

export const walletLedger = sqliteTable(
  "wallet_ledger",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** Signed: credits positive, spends negative. */
    amountCents: integer("amount_cents").notNull(),
    kind: text("kind", { enum: WALLET_ENTRY_KINDS }).notNull(),
    orderId: text("order_id"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("wallet_ledger_user_idx").on(t.userId),
    // an order spends once and is refunded once
    uniqueIndex("wallet_ledger_order_kind_uniq")
      .on(t.orderId, t.kind)
      .where(sql`${t.orderId} IS NOT NULL`),
  ],
);

export const checkins = sqliteTable(
  "checkins",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** Calendar day in the store's time zone, `YYYY-MM-DD`. */
    day: text("day").notNull(),
    streak: integer("streak").notNull(),
    creditedCents: integer("credited_cents").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

export const commissionLedger = sqliteTable(
  "commission_ledger",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    distributorUserId: integer("distributor_user_id")
      .notNull()
      .references(() => users.id),
    orderId: text("order_id"),
    level: integer("level").notNull(),
    /** Which balance this entry moves. */
    bucket: text("bucket", { enum: COMMISSION_BUCKETS }).notNull(),
    /** Why: accrue on payment, mature some days after completion (a setting), reverse on refund, pay out. */
    event: text("event", { enum: COMMISSION_EVENTS }).notNull(),
    /** Signed: a move between buckets is two entries that sum to zero. */
    amountCents: integer("amount_cents").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("commission_ledger_distributor_idx").on(t.distributorUserId, t.bucket),
    // each event happens once per order, level and bucket
    uniqueIndex("commission_ledger_event_uniq")
      .on(t.orderId, t.level, t.event, t.bucket)
      .where(sql`${t.orderId} IS NOT NULL`),
  ],
);
