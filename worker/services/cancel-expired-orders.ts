// The cron's sweep: unpaid orders past their hold are cancelled and their stock goes back.
import type { Db } from "../../db/client";
import { transitionOrder, findExpiredHolds } from "../../db/order-transitions";
import { findOrder } from "../../db/orders";
import { logEvent, orderFields } from "../lib/log";

const SWEEP_LIMIT = 100;

/** @returns how many orders this sweep cancelled. */
export async function cancelExpiredOrders(db: Db, now: number): Promise<number> {
  let cancelled = 0;
  for (const id of await findExpiredHolds(db, now, SWEEP_LIMIT)) {
    const order = await findOrder(db, id);
    const moved = order && (await transitionOrder(db, order, "cancel", now));
    if (!moved) continue;
    logEvent("order.cancelled", { ...orderFields(moved), reason: "hold_expired" });
    cancelled += 1;
  }
  return cancelled;
}
