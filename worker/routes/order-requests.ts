// What the order routes of the API and of the pages share, so a form and a JSON call are one order:
// placing an order for this request's buyer, and who is asking to see or pay one.
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { CreateOrderInput } from "../../core/contract/order";
import type { AppEnv } from "../app-env";
import { logEvent, orderFields } from "../lib/log";
import { paymentProvider } from "../lib/stripe";
import { readAttribution } from "../middleware/attribution";
import { dbOf } from "../middleware/database";
import { currentUser } from "../middleware/session";
import { VISITOR_COOKIE, existingVisitorId, newVisitorId, setVisitorCookie } from "../middleware/visitor";
import type { OrderViewer } from "../services/find-own-order";
import { placeOrder, type PlaceOrderResult } from "../services/place-order";

/**
 * Places the order for this request's buyer: the signed-in user or the guest's visitor (a new one
 * gets its cookie), attributed to the last share link clicked, once per idempotency key.
 * @param idempotencyKey unquoted
 * @param opts.walletUpToTotal the checkout form's wallet cash: spent up to the item total, not refused over it
 */
export async function placeOrderFor(
  c: Context<AppEnv>,
  input: CreateOrderInput,
  idempotencyKey: string | undefined,
  opts: { walletUpToTotal?: boolean } = {},
): Promise<PlaceOrderResult> {
  const knownVisitor = existingVisitorId(c);
  const placed = await placeOrder(input, {
    db: dbOf(c),
    user: await currentUser(c),
    visitorId: knownVisitor ?? newVisitorId(),
    attribution: await readAttribution(c),
    idempotencyKey,
    paymentProvider: paymentProvider(c.env),
    now: c.var.now,
    walletUpToTotal: opts.walletUpToTotal ?? false,
  });
  if (!placed.ok) return placed;
  // a retry that lost the first answer gets its cookie again: the guest can then see and pay the order
  const buyer = placed.order.visitorId;
  if (buyer && buyer !== knownVisitor) setVisitorCookie(c, buyer);
  if (placed.created) logEvent("order.placed", orderFields(placed.order));
  return placed;
}

/** The session's user and the visitor cookie as sent: what findOwnOrder checks. */
export async function orderViewer(c: Context<AppEnv>): Promise<OrderViewer> {
  return { user: await currentUser(c), visitorCookie: getCookie(c, VISITOR_COOKIE) };
}
