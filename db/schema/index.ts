// The whole store's tables, one file per area: the one source of truth drizzle-kit turns into
// migrations/ (drizzle.config.ts). Code imports them from here, "db/schema".
// Money is integer cents (fen), times are epoch milliseconds in UTC, rates are basis points.
export * from "./guards";
export * from "./accounts";
export * from "./catalogue";
export * from "./sharing";
export * from "./orders";
export * from "./idempotency";
export * from "./money";
export * from "./bargains";
