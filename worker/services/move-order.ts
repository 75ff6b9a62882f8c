// The merchant moves an order along: ship it, mark it completed, or refund it (with what that implies).
import type { Db } from "../../db/client";
import { transitionOrder } from "../../db/order-transitions";
import { findOrder, type OrderWithItems } from "../../db/orders";
import { logEvent, orderFields } from "../lib/log";

export type MerchantAction = "ship" | "complete" | "refund";

const MOVED = { ship: "order.shipped", complete: "order.completed", refund: "order.refunded" } as const;

export type MoveOrderResult =
  | { ok: true; order: OrderWithItems }
  | { ok: false; refusal: "not_found" }
  | { ok: false; refusal: "group_not_succeeded" }
  | { ok: false; refusal: "bad_transition"; status: OrderWithItems["status"] };

export async function moveOrder(
  db: Db,
  orderId: string,
  action: MerchantAction,
  now: number,
): Promise<MoveOrderResult> {
  const found = await findOrder(db, orderId);
  if (!found) return { ok: false, refusal: "not_found" };
  const moved = await transitionOrder(db, found, action, now);
  // a paid group order waits for its group to succeed before it ships
  if (!moved && action === "ship" && found.status === "paid" && found.groupId) {
    return { ok: false, refusal: "group_not_succeeded" };
  }
  if (!moved) return { ok: false, refusal: "bad_transition", status: found.status };
  logEvent(MOVED[action], orderFields(moved));
  return { ok: true, order: (await findOrder(db, orderId))! };
}
