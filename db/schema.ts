// The whole store's tables: the one source of truth drizzle-kit turns into migrations/.
// Money is integer cents (fen), times are epoch milliseconds in UTC, rates are basis points.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  COMMISSION_BUCKETS,
  COMMISSION_EVENTS,
  DEVICE_CLASSES,
  GROUP_STATUSES,
  ORDER_STATUSES,
  PAYMENT_PROVIDERS,
  PROVIDER_REFUND_STATES,
  USER_ROLES,
  WALLET_ENTRY_KINDS,
} from "../core/enums";

/** Names of the guards the database enforces; code that maps their refusals compares these exactly. */
export const GUARDS = {
  stockNeverNegative: "products_stock_nonneg",
  flashStockNeverNegative: "products_flash_stock_nonneg",
  /** RAISEd by the wallet_ledger_never_negative trigger (migrations/0001_wallet_never_negative.sql). */
  walletNeverNegative: "insufficient_wallet",
  /** A group never holds more members than its size (and takes none while not open: db/group-seats.ts). */
  groupSeatsWithinSize: "groups_seats_within_size",
  /** RAISEd by the orders_group_rules trigger: a shopper is in one live group per product. */
  oneLiveGroupPerProduct: "already_in_group",
  /** RAISEd by the orders_group_rules trigger: group orders of a product within the per-shopper limit. */
  groupOrdersWithinLimit: "group_limit",
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
    /** All four of size, price, hours and limit set: the product has a group deal (拼团). */
    groupSize: integer("group_size"),
    groupPriceCents: integer("group_price_cents"),
    groupHours: integer("group_hours"),
    groupPerUserLimit: integer("group_per_user_limit"),
    groupVirtualFillAt: integer("group_virtual_fill_at"),
    /** Set: the product is in the clearance zone (品牌清仓), sold at this price. */
    clearancePriceCents: integer("clearance_price_cents"),
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

/**
 * Visits counted per store day and link, by the same batch that writes the visits
 * (db/record-visit.ts): the dashboard and distributor stats read these, not the raw rows.
 */
export const visitDays = sqliteTable(
  "visit_days",
  {
    /** The visit's calendar day in the store's time zone when it was written, `YYYY-MM-DD`. */
    day: text("day").notNull(),
    linkCode: text("link_code").notNull(),
    distributorUserId: integer("distributor_user_id").notNull(),
    visits: integer("visits").notNull(),
    uniqueVisits: integer("unique_visits").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.linkCode] }),
    // both cover their reads: a day's totals; a distributor's totals, all time or over some days
    index("visit_days_day_idx").on(t.day, t.visits, t.uniqueVisits),
    index("visit_days_distributor_idx").on(t.distributorUserId, t.day, t.visits, t.uniqueVisits),
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

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    /** `u:<user id>` for a signed-in buyer; `g` for anyone without a session, where the key alone names the order. */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    orderId: text("order_id").notNull(),
    /** SHA-256 of the canonical request body: the same key with another body is refused. NULL on older rows. */
    requestHash: text("request_hash"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);

/**
 * Other money-moving POSTs (pay, ship, complete, refund, payout, check-in) under an Idempotency-Key:
 * the first request claims the key, runs, and stores its answer; a retry gets that answer again.
 */
export const idempotentRequests = sqliteTable(
  "idempotent_requests",
  {
    /** As in idempotency_keys: `u:<user id>`, or `g` without a session. */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of the method, the path and the canonical body. */
    fingerprint: text("fingerprint").notNull(),
    /** NULL while the first request runs. */
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    createdAt: integer("created_at").notNull(),
    /** When the request that runs it claimed it: a claim older than a minute was lost to a crash. */
    claimedAt: integer("claimed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotent_requests_created_idx").on(t.createdAt)],
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
