// Idempotency-Keys: of orders, and of the other money-moving requests.
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
