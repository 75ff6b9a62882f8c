// Every closed set of values the store stores or shows, once: the drizzle columns (`text(…, { enum })`),
// the zod contract (`z.enum`) and the TypeScript types all read them from here.

export const USER_ROLES = ["shopper", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const ORDER_STATUSES = ["pending", "paid", "shipped", "completed", "cancelled", "refunded"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Orders that count as sales: paid and neither refunded nor cancelled. */
export const SOLD_STATUSES = ["paid", "shipped", "completed"] as const satisfies readonly OrderStatus[];

/** Orders that hold a seat in their group: every order but a cancelled or refunded one. */
export const SEAT_STATUSES = ["pending", "paid", "shipped", "completed"] as const satisfies readonly OrderStatus[];

export const PAYMENT_PROVIDERS = ["demo", "stripe"] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];

export const BARGAIN_STATUSES = ["active", "complete", "expired", "purchased"] as const;
export type BargainStatus = (typeof BARGAIN_STATUSES)[number];

/** A group (拼团): pending until its leader pays, open for joins, then succeeded or failed. */
export const GROUP_STATUSES = ["pending", "open", "succeeded", "failed"] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

/** A refund the payment provider still owes the shopper ("due"), or one it was asked for ("sent"). */
export const PROVIDER_REFUND_STATES = ["due", "sent"] as const;
export type ProviderRefundState = (typeof PROVIDER_REFUND_STATES)[number];

export const DEVICE_CLASSES = ["mobile", "tablet", "desktop"] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

export const WALLET_ENTRY_KINDS = ["checkin", "spend", "refund", "adjust"] as const;
export type WalletEntryKind = (typeof WALLET_ENTRY_KINDS)[number];

/** Which balance a commission entry moves. */
export const COMMISSION_BUCKETS = ["pending", "available", "reversed", "paid_out"] as const;
export type CommissionBucket = (typeof COMMISSION_BUCKETS)[number];

/** Why it moved: accrue on payment, mature after completion, reverse on refund, pay out. */
export const COMMISSION_EVENTS = ["accrue", "mature", "reverse", "payout"] as const;
export type CommissionEvent = (typeof COMMISSION_EVENTS)[number];

/** For a status read from a query string: narrows it, or says it is none. */
export const isOrderStatus = (value: unknown): value is OrderStatus => ORDER_STATUSES.includes(value as OrderStatus);

/** What an uploaded picture is stored as, whatever it arrived as (JPEG, PNG, WebP, GIF, HEIC, AVIF). */
export const STORED_PICTURE_TYPES = ["image/jpeg", "image/webp"] as const;
export type StoredPictureType = (typeof STORED_PICTURE_TYPES)[number];
