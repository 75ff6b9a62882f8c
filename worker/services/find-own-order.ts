// Whose order is this: the buyer is the signed-in user who placed it, or for a guest's order the
// browser holding the visitor cookie it was placed with. Nobody else may see or pay it.
import type { Db } from "../../db/client";
import { findOrder, type OrderWithItems } from "../../db/orders";
import type { SessionUser } from "../../db/sessions";

/** Who asks: the session's user, and the visitor cookie as the browser sent it. */
export type OrderViewer = { user: SessionUser | null; visitorCookie: string | undefined };

export function isOrderBuyer(order: OrderWithItems, viewer: OrderViewer): boolean {
  return order.userId !== null ? order.userId === viewer.user?.id : order.visitorId === viewer.visitorCookie;
}

/**
 * @param opts.merchant whether a merchant (role admin) may see any order too
 * @returns the order when the viewer may see it; null for an unknown order and for anyone else's
 */
export async function findOwnOrder(
  db: Db,
  id: string,
  viewer: OrderViewer,
  opts: { merchant: boolean },
): Promise<OrderWithItems | null> {
  const found = await findOrder(db, id);
  if (!found) return null;
  return isOrderBuyer(found, viewer) || (opts.merchant && viewer.user?.role === "admin") ? found : null;
}
