// Marks an order paid (demo button or Stripe webhook) and accrues its commission, once.
import type { Db } from "../../db/client";
import { transitionOrder } from "../../db/order-transitions";
import { findOrder, type OrderWithItems } from "../../db/orders";
import { logEvent, orderFields } from "../lib/log";
import { orderCommissionShares } from "./order-commission";

export type PayOrderResult =
  { ok: true; order: OrderWithItems } | { ok: false; refusal: "bad_transition"; status: string };

/**
 * Paying a paid order again changes nothing and answers the order.
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
  if (after.status !== "paid") return { ok: false, refusal: "bad_transition", status: after.status };
  logEvent("order.paid", orderFields(after));
  return { ok: true, order: after };
}
