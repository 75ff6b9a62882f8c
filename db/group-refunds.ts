// Refunding a failed group, as batchable statements over the group's orders (whichever are paid when
// the batch runs, so an order paid a moment before is never left out): each paid order is refunded
// in full, its wallet cash goes back to the wallet, its commission is reversed, its stock returns to
// the shelf, and the payment provider's part is marked as owed. Every statement applies once per
// order however often it runs: a status move, unique ledger indexes, the stock_released flag.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { reverseEach } from "./commission-ledger";
import { orders, products } from "./schema";
import { refundWalletSpendsStatement } from "./wallet";

const isFailed = (groupId: string) =>
  sql`EXISTS (SELECT 1 FROM groups WHERE groups.id = ${groupId} AND groups.status = 'failed')`;

/** The group's refunded orders, as a subquery of ids (a failed group's orders are never shipped). */
const refundedOf = (groupId: string) =>
  sql`(SELECT id FROM orders WHERE orders.group_id = ${groupId} AND orders.status = 'refunded')`;

/**
 * @returns the statements that refund every paid order of the group while it is failed; none of
 *   them changes anything for a group that is not failed, or whose orders are refunded already.
 */
export function failedGroupRefundStatements(db: Db, groupId: string, now: number) {
  return [
    // paid → refunded once; what Stripe took goes back through Stripe (sent after the batch), demo money needs nothing
    db
      .update(orders)
      .set({
        status: "refunded",
        refundedAt: now,
        providerRefund: sql`CASE WHEN payment_provider = 'stripe' AND total_cents > 0 THEN 'due' END`,
      })
      .where(and(eq(orders.groupId, groupId), eq(orders.status, "paid"), isFailed(groupId))),
    refundWalletSpendsStatement(db, refundedOf(groupId), now),
    ...reverseEach(db, refundedOf(groupId), now),
    // a group order is one unit of the group's product, taken from its own stock (never the flash sale's)
    db
      .update(products)
      .set({
        stock: sql`stock + (SELECT coalesce(sum(order_items.quantity), 0) FROM order_items JOIN orders ON orders.id = order_items.order_id
          WHERE orders.group_id = ${groupId} AND orders.status = 'refunded' AND orders.stock_released = 0
            AND order_items.product_id = products.id)`,
      })
      .where(sql`products.id = (SELECT product_id FROM groups WHERE groups.id = ${groupId}) AND ${isFailed(groupId)}`),
    db
      .update(orders)
      .set({ stockReleased: true })
      .where(
        and(
          eq(orders.groupId, groupId),
          eq(orders.status, "refunded"),
          eq(orders.stockReleased, false),
          isFailed(groupId),
        ),
      ),
  ];
}
