// Orders, their items, the groups (拼团) they open or join, and the Stripe events that paid them.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { GROUP_STATUSES, ORDER_STATUSES, PAYMENT_PROVIDERS, PROVIDER_REFUND_STATES } from "../../core/enums";
import { users } from "./accounts";
import { products } from "./catalogue";
import { GUARDS } from "./guards";

export const orders = sqliteTable(
  "orders",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id").references(() => users.id),
    /** The anonymous visitor cookie: lets a guest see their own order. */
    visitorId: text("visitor_id"),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    subtotalCents: integer("subtotal_cents").notNull(),
    walletCents: integer("wallet_cents").notNull().default(0),
    totalCents: integer("total_cents").notNull(),
    referrerCode: text("referrer_code"),
    distributorUserId: integer("distributor_user_id").references(() => users.id),
    bargainId: text("bargain_id"),
    /** The group (拼团) this order opened or joined; its seat is held while the order is not cancelled or refunded. */
    groupId: text("group_id").references(() => groups.id),
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone").notNull(),
    contactAddress: text("contact_address").notNull(),
    paymentProvider: text("payment_provider", { enum: PAYMENT_PROVIDERS }).notNull(),
    stripeSessionId: text("stripe_session_id"),
    /** What Stripe charged (from the paying webhook): a refund names it. */
    stripePaymentIntentId: text("stripe_payment_intent_id"),
    /** A refund the payment provider owes: written with the refund, sent by the store after it (cron retries). */
    providerRefund: text("provider_refund", { enum: PROVIDER_REFUND_STATES }),
    /** Unpaid orders hold stock until then; the cron cancels them after. */
    holdUntil: integer("hold_until").notNull(),
    /** Set once the held stock went back to the shelf (cancelled, or refunded before shipping), so it goes back once. */
    stockReleased: integer("stock_released", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    paidAt: integer("paid_at"),
    shippedAt: integer("shipped_at"),
    completedAt: integer("completed_at"),
    cancelledAt: integer("cancelled_at"),
    refundedAt: integer("refunded_at"),
    /** Set when the cron matured the order's commission (or found none): it never reads the order again. */
    commissionMaturedAt: integer("commission_matured_at"),
  },
  (t) => [
    // covers the dashboard's sold orders by day, product and distributor: no order row is read
    index("orders_status_created_idx").on(t.status, t.createdAt, t.subtotalCents, t.distributorUserId, t.id),
    index("orders_user_idx").on(t.userId, t.createdAt),
    index("orders_distributor_idx").on(t.distributorUserId, t.createdAt),
    index("orders_created_idx").on(t.createdAt),
    index("orders_hold_idx").on(t.status, t.holdUntil),
    // the minute cron reads only completed orders it has not matured yet, oldest first; partial, so
    // the other moves of an order write nothing to it
    index("orders_unmatured_idx")
      .on(t.completedAt)
      .where(sql`${t.status} = 'completed' AND ${t.commissionMaturedAt} IS NULL`),
    // a finished bargain is bought once
    uniqueIndex("orders_bargain_uniq")
      .on(t.bargainId)
      .where(sql`${t.bargainId} IS NOT NULL AND ${t.status} NOT IN ('cancelled')`),
    // a group's seats are counted from its orders; partial, so other orders write no entry
    index("orders_group_idx")
      .on(t.groupId, t.status)
      .where(sql`${t.groupId} IS NOT NULL`),
    index("orders_provider_refund_idx")
      .on(t.providerRefund)
      .where(sql`${t.providerRefund} = 'due'`),
  ],
);

/**
 * A group (拼团): opened by its leader's order, joined by others' orders (orders.group_id). Its deal
 * is copied from the product when it opens, so a merchant's later edit changes new groups only.
 */
export const groups = sqliteTable(
  "groups",
  {
    id: text("id").primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    leaderUserId: integer("leader_user_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: GROUP_STATUSES }).notNull(),
    size: integer("size").notNull(),
    priceCents: integer("price_cents").notNull(),
    hours: integer("hours").notNull(),
    perUserLimit: integer("per_user_limit").notNull(),
    virtualFillAt: integer("virtual_fill_at"),
    /** Seats taken: its orders that are pending, paid, shipped or completed, recounted at every change. */
    reserved: integer("reserved").notNull(),
    /** The deadline: set again when the leader pays (the group opens for `hours` from then). */
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
    openedAt: integer("opened_at"),
    closedAt: integer("closed_at"),
  },
  (t) => [
    index("groups_product_status_idx").on(t.productId, t.status, t.expiresAt),
    index("groups_status_expires_idx").on(t.status, t.expiresAt),
    // never more members than seats, whatever the code above the database does
    check(GUARDS.groupSeatsWithinSize, sql`${t.reserved} <= ${t.size}`),
  ],
);

export const orderItems = sqliteTable(
  "order_items",
  {
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    quantity: integer("quantity").notNull(),
    unitPriceCents: integer("unit_price_cents").notNull(),
    /** Which stock the item took: the flash sale's or the product's. */
    fromFlashStock: integer("from_flash_stock", { mode: "boolean" }).notNull().default(false),
    /** The rates in force when the order was placed: a later price list does not change it. */
    commissionBp: integer("commission_bp").notNull().default(0),
    commissionL2Bp: integer("commission_l2_bp").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.productId] }), index("order_items_product_idx").on(t.productId)],
);

export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  processedAt: integer("processed_at").notNull(),
});
