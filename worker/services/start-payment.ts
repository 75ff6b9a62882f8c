// How a placed order is paid: demo mode pays on the store's own button; Stripe mode sends the buyer
// to Stripe Checkout, with one Checkout Session per order (a retry reads the same session's URL).
import type { PaymentProvider } from "../../core/enums";
import type { Db } from "../../db/client";
import { setStripeSession, type OrderWithItems } from "../../db/orders";
import { checkoutSessionUrl, createCheckoutSession } from "../lib/stripe";

export type Payment = { provider: PaymentProvider; url?: string };

/**
 * @param created whether this request placed the order (else it is a retry's, whose session may exist)
 * @returns the provider, and for a pending Stripe order the Checkout URL to send the buyer to
 */
export async function startPayment(
  env: Env,
  db: Db,
  order: OrderWithItems,
  opts: { created: boolean; origin: string },
): Promise<Payment> {
  if (order.paymentProvider === "demo" || order.status !== "pending") return { provider: order.paymentProvider };
  if (!opts.created && order.stripeSessionId)
    return { provider: "stripe", url: await checkoutSessionUrl(env, order.stripeSessionId) };
  const session = await createCheckoutSession(env, order, opts.origin);
  await setStripeSession(db, order.id, session.id);
  return { provider: "stripe", url: session.url };
}
