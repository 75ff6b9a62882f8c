// Moves an order along its life, each move one batch with everything it implies:
// paying accrues commission, refunding reverses it, gives wallet cash back and, when nothing was
// shipped yet, puts the stock back on the shelf (once); cancelling an unpaid order puts its stock
// back (once) and gives wallet cash back. A group order's moves also move its group
// (db/group-seats.ts), and it ships only once its group has succeeded.
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { OrderStatus } from "../core/enums";
import type { CommissionShare } from "../core/rules/commission";
import { TRANSITIONS, type OrderAction } from "../core/rules/order-status";
import type { Db } from "./client";
import { accrueStatements, reverseStatements } from "./commission-ledger";
import { groupCancelledStatements, groupPaidStatements, recountSeatsStatement } from "./group-seats";
import type { OrderItemRow, OrderRow } from "./orders";
import { refundDueStatement } from "./provider-refunds";
import { orders } from "./schema";
import { releaseStockStatement } from "./stock";
import { refundWalletSpendStatement } from "./wallet";

const STAMP = {
  pay: "paidAt",
  ship: "shippedAt",
  complete: "completedAt",
  refund: "refundedAt",
  cancel: "cancelledAt",
} as const;

/** Goods of a group order leave only once the group has succeeded: a group that fails refunds them all. */
const shippable = sql`(orders.group_id IS NULL OR EXISTS (SELECT 1 FROM groups WHERE groups.id = orders.group_id AND groups.status = 'succeeded'))`;

function moveStatement(db: Db, id: string, action: OrderAction, now: number) {
  const { from, to } = TRANSITIONS[action];
  return db
    .update(orders)
    .set({ status: to, [STAMP[action]]: now })
    .where(and(eq(orders.id, id), inArray(orders.status, from), action === "ship" ? shippable : undefined))
    .returning();
}

/** Whether the order is now in `status`: a statement that follows a move applies only if the move did. */
const isNow = (orderId: string, status: OrderStatus) =>
  sql`EXISTS (SELECT 1 FROM orders WHERE id = ${orderId} AND status = ${status})`;

/**
 * Held stock goes back once: guarded by the order's stock_released flag, set last in the batch. A
 * cancelled order gives back what it held; a refunded one only when it was never shipped (shipped
 * goods left the shelf: the merchant restocks returned goods by hand).
 */
function releaseStockStatements(db: Db, orderId: string, items: OrderItemRow[], status: "cancelled" | "refunded") {
  const unshipped = status === "refunded" ? sql` AND shipped_at IS NULL` : sql``;
  const unreleased = sql`EXISTS (SELECT 1 FROM orders WHERE id = ${orderId} AND status = ${status} AND stock_released = 0${unshipped})`;
  return [
    ...items.map((i) => releaseStockStatement(db, i.productId, i.quantity, i.fromFlashStock, unreleased)),
    db
      .update(orders)
      .set({ stockReleased: true })
      .where(
        and(
          eq(orders.id, orderId),
          eq(orders.status, status),
          status === "refunded" ? isNull(orders.shippedAt) : undefined,
        ),
      ),
  ];
}

/** A statement written in the same batch as a move, only when the move applies (`[]` when none). */
type BatchStatement = BatchItem<"sqlite">;

/**
 * @param shares the commission a payment accrues (pay only)
 * @param alongside statements that belong to the move's transaction (the webhook event that paid it)
 * @returns the order after the move, or null when its status does not allow the action.
 */
export async function transitionOrder(
  db: Db,
  order: { id: string; items: OrderItemRow[]; groupId?: string | null },
  action: OrderAction,
  now: number,
  shares: CommissionShare[] = [],
  alongside: BatchStatement[] = [],
): Promise<OrderRow | null> {
  const move = moveStatement(db, order.id, action, now);
  const { to } = TRANSITIONS[action];
  const follow =
    action === "pay"
      ? accrueStatements(db, order.id, shares, now)
      : action === "refund"
        ? [
            ...reverseStatements(db, order.id, now),
            refundWalletSpendStatement(db, order.id, now, isNow(order.id, to)),
            ...releaseStockStatements(db, order.id, order.items, "refunded"),
            // the card part goes back through Stripe: marked here, sent by the caller or the cron
            refundDueStatement(db, order.id),
          ]
        : action === "cancel"
          ? [
              ...releaseStockStatements(db, order.id, order.items, "cancelled"),
              refundWalletSpendStatement(db, order.id, now, isNow(order.id, to)),
            ]
          : [];
  const [moved] = await db.batch([move, ...groupStatements(db, order, action, now), ...follow, ...alongside]);
  return (moved as OrderRow[])[0] ?? null;
}

/** What the move means for the order's group, right after it (before a payment's commission: a payment into a failed group accrues none). */
function groupStatements(db: Db, order: { id: string; groupId?: string | null }, action: OrderAction, now: number) {
  if (!order.groupId) return [];
  if (action === "pay") return groupPaidStatements(db, order.groupId, order.id, now);
  if (action === "cancel") return groupCancelledStatements(db, order.groupId, now);
  if (action === "refund") return [recountSeatsStatement(db, order.groupId)];
  return [];
}

/** Unpaid orders whose hold has passed, oldest first. */
export async function findExpiredHolds(db: Db, now: number, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, "pending"), lt(orders.holdUntil, now)))
    .orderBy(orders.holdUntil)
    .limit(limit);
  return rows.map((r) => r.id);
}
