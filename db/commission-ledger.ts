// Commission ledger statements, batchable. Entries are only ever appended; a bucket's balance is
// its sum, and a move between buckets is a pair of entries that sum to zero. The unique index on
// (order, level, event, bucket) makes every statement here safe to run twice.
import { sql, type SQL } from "drizzle-orm";
import type { CommissionShare } from "../core/rules/commission";
import type { Db } from "./client";
import { commissionLedger, orders } from "./schema";

/** Rows as an `INSERT ... SELECT` source must list every column in table order, id first. */
const insertEntries = (db: Db, select: ReturnType<typeof sql>) =>
  db.insert(commissionLedger).select(select).onConflictDoNothing();

/** Pending commission for a paid order; applies only while the order is paid. */
export function accrueStatements(db: Db, orderId: string, shares: CommissionShare[], now: number) {
  return shares.map((s) =>
    insertEntries(
      db,
      sql`SELECT NULL, ${s.distributor_user_id}, ${orderId}, ${s.level}, 'pending', 'accrue', ${s.amount_cents}, ${now}
          WHERE EXISTS (SELECT 1 FROM orders WHERE id = ${orderId} AND status = 'paid')`,
    ),
  );
}

/** Whatever is still pending or available for a refunded order moves to reversed. */
export function reverseStatements(db: Db, orderId: string, now: number) {
  return reverseEach(db, sql`(SELECT id FROM orders WHERE id = ${orderId} AND status = 'refunded')`, now);
}

/**
 * The same for every order a subquery of order ids selects (a failed group's refunded orders); the
 * subquery must select refunded orders only.
 */
export function reverseEach(db: Db, refundedOrderIds: SQL, now: number) {
  return [
    insertEntries(
      db,
      sql`SELECT NULL, distributor_user_id, order_id, level, 'reversed', 'reverse', sum(amount_cents), ${now}
          FROM commission_ledger
          WHERE order_id IN ${refundedOrderIds} AND bucket IN ('pending', 'available')
          GROUP BY order_id, distributor_user_id, level HAVING sum(amount_cents) <> 0`,
    ),
    insertEntries(
      db,
      sql`SELECT NULL, distributor_user_id, order_id, level, bucket, 'reverse', -sum(amount_cents), ${now}
          FROM commission_ledger
          WHERE order_id IN ${refundedOrderIds} AND bucket IN ('pending', 'available')
          GROUP BY order_id, distributor_user_id, level, bucket HAVING sum(amount_cents) <> 0`,
    ),
  ] as const;
}

/** The most orders one cron run matures: a backlog (a new store's history) drains a batch a minute. */
export const MATURE_BATCH = 500;

/**
 * Pending commission of orders completed at least `maturityDays` ago (default 7) becomes available.
 * Reads only completed orders not matured yet (orders_unmatured_idx), at most {@link MATURE_BATCH}
 * a run, and marks them matured in the same batch: its cost follows the orders due, not history.
 * @returns how many ledger entries became available.
 */
export async function matureCommissions(db: Db, now: number, maturityDays: number): Promise<number> {
  const cutoff = now - maturityDays * 24 * 3600 * 1000;
  // the same orders in all three statements: nothing else changes them inside the batch (named
  // index: the planner would otherwise take the order statuses' index and read every completed order)
  const due = sql`(SELECT id FROM orders INDEXED BY orders_unmatured_idx WHERE status = 'completed' AND commission_matured_at IS NULL
    AND completed_at <= ${cutoff} ORDER BY completed_at LIMIT ${MATURE_BATCH})`;
  const [available] = await db.batch([
    insertEntries(
      db,
      sql`SELECT NULL, distributor_user_id, order_id, level, 'available', 'mature', sum(amount_cents), ${now}
          FROM commission_ledger WHERE order_id IN ${due} AND bucket = 'pending'
          GROUP BY distributor_user_id, order_id, level HAVING sum(amount_cents) > 0`,
    ).returning({ id: commissionLedger.id }),
    insertEntries(
      db,
      sql`SELECT NULL, distributor_user_id, order_id, level, 'pending', 'mature', -amount_cents, ${now}
          FROM commission_ledger
          WHERE order_id IN ${due} AND bucket = 'available' AND event = 'mature' AND created_at = ${now}`,
    ),
    db
      .update(orders)
      .set({ commissionMaturedAt: now })
      .where(sql`${orders.id} IN ${due}`),
  ]);
  return available.length;
}
