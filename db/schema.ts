// The whole store's tables: the one source of truth drizzle-kit turns into migrations/.
// Money is integer cents (fen), times are epoch milliseconds in UTC, rates are basis points.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  COMMISSION_BUCKETS,
  COMMISSION_EVENTS,
  DEVICE_CLASSES,
  ORDER_STATUSES,
  PAYMENT_PROVIDERS,
  USER_ROLES,
  WALLET_ENTRY_KINDS,
} from "../core/enums";

/** Names of the guards the database enforces; code that maps their refusals compares these exactly. */
export const GUARDS = {
  stockNeverNegative: "products_stock_nonneg",
  flashStockNeverNegative: "products_flash_stock_nonneg",
  /** RAISEd by the wallet_ledger_never_negative trigger (migrations/0001_wallet_never_negative.sql). */
  walletNeverNegative: "insufficient_wallet",
} as const;

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
    at: integer("at").notNull(),
  },
  (t) => [index("login_failures_phone_at_idx").on(t.phone, t.at)],
);

/** Merchant-editable settings (attribution window, check-in schedule, time zone…), JSON values. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** The cover: `images[0]`, or "" when there is none (kept for the queries that show only it). */
    imageUrl: text("image_url").notNull().default(""),
    /** Up to 9 picture URLs or paths, the cover first (a JSON array). */
    images: text("images", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    priceCents: integer("price_cents").notNull(),
    stock: integer("stock").notNull(),
    commissionBp: integer("commission_bp").notNull().default(1000),
    commissionL2Bp: integer("commission_l2_bp").notNull().default(300),
    /** Both set: the product allows bargains. */
    bargainFloorCents: integer("bargain_floor_cents"),
    bargainHelpers: integer("bargain_helpers"),
    /** All four set: the product has a flash sale. */
    flashPriceCents: integer("flash_price_cents"),
    flashStartsAt: integer("flash_starts_at"),
    flashEndsAt: integer("flash_ends_at"),
    flashStock: integer("flash_stock"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("products_active_idx").on(t.active, t.id),
    // never below zero, whatever the code above the database does
    check(GUARDS.stockNeverNegative, sql`${t.stock} >= 0`),
    check(GUARDS.flashStockNeverNegative, sql`${t.flashStock} IS NULL OR ${t.flashStock} >= 0`),
    check("products_price_nonneg", sql`${t.priceCents} >= 0`),
  ],
);

export const distributors = sqliteTable(
  "distributors",
  {
    userId: integer("user_id")
      .primaryKey()
      .references(() => users.id),
    code: text("code").notNull().unique(),
    recruiterUserId: integer("recruiter_user_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("distributors_recruiter_idx").on(t.recruiterUserId)],
);

export const links = sqliteTable(
  "links",
  {
    code: text("code").primaryKey(),
    distributorUserId: integer("distributor_user_id")
      .notNull()
      .references(() => users.id),
    /** NULL: the whole store. */
    productId: integer("product_id").references(() => products.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    // one link per distributor and target; NULLs are distinct in SQLite, hence two indexes
    uniqueIndex("links_product_uniq")
      .on(t.distributorUserId, t.productId)
      .where(sql`${t.productId} IS NOT NULL`),
    uniqueIndex("links_store_uniq")
      .on(t.distributorUserId)
      .where(sql`${t.productId} IS NULL`),
  ],
);

export const visits = sqliteTable(
  "visits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Made at the click (nanoid): a batch written twice (a retry, a queue redelivery) adds no row. */
    visitId: text("visit_id"),
    linkCode: text("link_code").notNull(),
    distributorUserId: integer("distributor_user_id").notNull(),
    visitorId: text("visitor_id").notNull(),
    at: integer("at").notNull(),
    isUnique: integer("is_unique", { mode: "boolean" }).notNull(),
    referer: text("referer"),
    country: text("country"),
    device: text("device", { enum: DEVICE_CLASSES }).notNull(),
  },
  (t) => [
    uniqueIndex("visits_visit_id_uniq").on(t.visitId),
    index("visits_link_visitor_at_idx").on(t.linkCode, t.visitorId, t.at),
    index("visits_distributor_at_idx").on(t.distributorUserId, t.at, t.isUnique),
    index("visits_at_idx").on(t.at),
    // the dashboard counts a day's unique visits as one range of this index, reading no rows
    index("visits_unique_at_idx").on(t.isUnique, t.at),
  ],
);

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
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone").notNull(),
    contactAddress: text("contact_address").notNull(),
    paymentProvider: text("payment_provider", { enum: PAYMENT_PROVIDERS }).notNull(),
    stripeSessionId: text("stripe_session_id"),
    /** Unpaid orders hold stock until then; the cron cancels them after. */
    holdUntil: integer("hold_until").notNull(),
    /** Set once the held stock went back to the shelf, so it goes back once. */
    stockReleased: integer("stock_released", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    paidAt: integer("paid_at"),
    shippedAt: integer("shipped_at"),
    completedAt: integer("completed_at"),
    cancelledAt: integer("cancelled_at"),
    refundedAt: integer("refunded_at"),
  },
  (t) => [
    // covers the dashboard's sold orders by day, product and distributor: no order row is read
    index("orders_status_created_idx").on(t.status, t.createdAt, t.subtotalCents, t.distributorUserId, t.id),
    index("orders_user_idx").on(t.userId, t.createdAt),
    index("orders_distributor_idx").on(t.distributorUserId, t.createdAt),
    index("orders_created_idx").on(t.createdAt),
    index("orders_hold_idx").on(t.status, t.holdUntil),
    // a finished bargain is bought once
    uniqueIndex("orders_bargain_uniq")
      .on(t.bargainId)
      .where(sql`${t.bargainId} IS NOT NULL AND ${t.status} NOT IN ('cancelled')`),
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

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    /** `u:<user id>` or `v:<visitor id>`: a key is only meaningful to the one who sent it. */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    orderId: text("order_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

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

export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  processedAt: integer("processed_at").notNull(),
});
