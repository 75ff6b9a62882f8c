// The minute cron: unpaid orders past their hold are cancelled (freeing their group seats); groups
// past their deadline end, a failed one's paid orders refunded; refunds a provider still owes are
// sent; commission of orders completed long enough ago becomes available.
import { getDb } from "../../db/client";
import { matureCommissions } from "../../db/commission-ledger";
import { getSettings } from "../../db/settings";
import { cancelExpiredOrders } from "./cancel-expired-orders";
import { closeExpiredGroups } from "./close-expired-groups";
import { sendProviderRefunds } from "./send-provider-refunds";

const REFUNDS_PER_RUN = 50;

export async function runCron(env: Env, now: number) {
  const db = getDb(env.DB);
  const settings = await getSettings(db, now);
  const cancelled = await cancelExpiredOrders(db, now);
  const groups = await closeExpiredGroups(db, now);
  const refundsSent = await sendProviderRefunds(env, db, { limit: REFUNDS_PER_RUN });
  const matured = await matureCommissions(db, now, settings.commission_maturity_days);
  return { cancelled, groups, refundsSent, matured };
}
