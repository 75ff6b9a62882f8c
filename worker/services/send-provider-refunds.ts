// Sends the refunds the payment provider owes (marked "due" by the batch that refunded the order):
// after a group fails, after a payment that came too late, and every minute for any left over.
import type { Db } from "../../db/client";
import { findDueRefunds, markRefundSent } from "../../db/provider-refunds";
import { refundPayment } from "../lib/stripe";

/**
 * @param filter these orders only, or the oldest `limit` of all
 * @returns how many refunds Stripe accepted now; one it refused stays due for the next run
 */
export async function sendProviderRefunds(
  env: Env,
  db: Db,
  filter: { orderIds?: string[]; limit: number },
): Promise<number> {
  // demo mode took no money through a provider; a store that lost its key keeps them due
  if (!env.STRIPE_SECRET_KEY) return 0;
  let sent = 0;
  for (const due of await findDueRefunds(db, filter)) {
    try {
      await refundPayment(env, due);
      await markRefundSent(db, due.id);
      sent += 1;
    } catch (error) {
      console.error("a Stripe refund failed; the cron sends it again", due.id, error);
    }
  }
  return sent;
}
