// Marks an order paid (demo button or Stripe webhook) and accrues its commission, once. A payment
// for an order whose group has failed meanwhile is refunded in the same batch (db/group-seats.ts).
import type { Db } from "../../db/client";
import { transitionOrder } from "../../db/order-transitions";
import { findOrder, type OrderWithItems } from "../../db/orders";
import { logEvent, orderFields } from "../lib/log";
import { orderCommissionShares } from "./order-commission";

export type PayOrderResult =
  { ok: true; order: OrderWithItems } | { ok: false; refusal: "bad_transition"; status: string };

/**
 * Paying a paid order again changes nothing and answers the order; paying into a failed group
 * answers the order refunded.
 * @param alongside statements to write in the payment's own batch (the Stripe event that paid it)
 */
export async function payOrder(
  db: Db,
  order: OrderWithItems,
  now: number,
  alongside: Parameters<typeof transitionOrder>[5] = [],
): Promise<PayOrderResult> {
  if (order.status === "paid") return { ok: true, order };
  if (order.status !== "pending") return { ok: false, refusal: "bad_transition", status: order.status };
  await transitionOrder(db, order, "pay", now, await orderCommissionShares(db, order), alongside);
  const after = (await findOrder(db, order.id))!;
  // taken and given back at once: the answer is the refunded order
  if (after.status === "refunded" && after.groupId !== null && after.paidAt !== null) return { ok: true, order: after };
  if (after.status !== "paid") return { ok: false, refusal: "bad_transition", status: after.status };
  logEvent("order.paid", orderFields(after));
  return { ok: true, order: after };
}
