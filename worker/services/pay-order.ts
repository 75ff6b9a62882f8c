// Marks an order paid (demo button or Stripe webhook) and accrues its commission, once.
import type { Db } from "../../db/client";
import { transitionOrder } from "../../db/order-transitions";
import { findOrder, type OrderWithItems } from "../../db/orders";
import { conflict } from "../errors";
import { orderCommissionShares } from "./order-commission";

/** Paying a paid order again changes nothing and answers the order. */
export async function payOrder(db: Db, order: OrderWithItems, now: number): Promise<OrderWithItems> {
  if (order.status === "paid") return order;
  if (order.status !== "pending") throw conflict("bad_transition", `An order that is ${order.status} cannot be paid`);
  await transitionOrder(db, order, "pay", now, await orderCommissionShares(db, order));
  const after = (await findOrder(db, order.id))!;
  if (after.status !== "paid") throw conflict("bad_transition", `An order that is ${after.status} cannot be paid`);
  return after;
}
