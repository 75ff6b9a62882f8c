// Refunds the payment provider owes: marked "due" in the batch that refunds an order (or that learns
// of a payment for an order that can no longer take it), then sent by the store and marked "sent".
// A crash between the two leaves it due, and the minute cron sends it again.
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "./client";
import { orders } from "./schema";

export type DueRefund = {
  id: string;
  totalCents: number;
  stripeSessionId: string | null;
  stripePaymentIntentId: string | null;
};

const dueColumns = {
  id: orders.id,
  totalCents: orders.totalCents,
  stripeSessionId: orders.stripeSessionId,
  stripePaymentIntentId: orders.stripePaymentIntentId,
};

/** Refunds still owed: of these orders, or the oldest `limit` of all. */
export async function findDueRefunds(db: Db, filter: { orderIds?: string[]; limit: number }): Promise<DueRefund[]> {
  return db
    .select(dueColumns)
    .from(orders)
    .where(
      and(
        eq(orders.providerRefund, "due"),
        filter.orderIds ? inArray(orders.id, filter.orderIds.slice(0, 90)) : undefined,
      ),
    )
    .orderBy(asc(orders.refundedAt), asc(orders.id))
    .limit(filter.limit);
}

export async function markRefundSent(db: Db, orderId: string): Promise<void> {
  await db
    .update(orders)
    .set({ providerRefund: "sent" })
    .where(and(eq(orders.id, orderId), eq(orders.providerRefund, "due")));
}

/** Remembers what Stripe charged for an order (batchable with the event that says so): a refund names it. */
export function paymentIntentStatement(db: Db, orderId: string, paymentIntentId: string) {
  return db.update(orders).set({ stripePaymentIntentId: paymentIntentId }).where(eq(orders.id, orderId));
}

/** Marks what Stripe took for the order as owed back, once (never twice, never for nothing), when `only` holds. */
function refundDue(db: Db, orderId: string, ...only: SQL[]) {
  return db
    .update(orders)
    .set({ providerRefund: "due" })
    .where(and(eq(orders.id, orderId), sql`${orders.providerRefund} IS NULL`, sql`${orders.totalCents} > 0`, ...only));
}

/**
 * A payment for an order that was cancelled before it arrived (its hold ended, its seat went to
 * someone else): what was charged is owed back, once. Batchable with the event that brought it.
 */
export const refundLatePaymentStatement = (db: Db, orderId: string) =>
  refundDue(db, orderId, eq(orders.status, "cancelled"));

/**
 * A merchant's refund of an order Stripe charged: what Stripe took is owed back, once. Batchable with
 * the refund's move; applies only when the move did (the order is refunded now).
 */
export const refundDueStatement = (db: Db, orderId: string) =>
  refundDue(db, orderId, eq(orders.status, "refunded"), eq(orders.paymentProvider, "stripe"));
