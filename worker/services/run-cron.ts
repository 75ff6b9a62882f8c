// The minute cron: unpaid orders past their hold are cancelled (freeing their group seats); groups
// past their deadline end, a failed one's paid orders refunded; refunds a provider still owes are
// sent; commission of orders completed long enough ago becomes available; Idempotency-Keys older
// than their retention and login failures older than the throttle's window are forgotten.
import { IDEMPOTENCY_KEY_TTL_MS } from "../../core/rules/idempotency-retention";
import { LOGIN_FAILURE_WINDOW_MS } from "../../core/rules/login-throttle";
import { getDb } from "../../db/client";
import { matureCommissions } from "../../db/commission-ledger";
import { deleteExpiredIdempotencyKeys } from "../../db/idempotency";
import { getSettings } from "../../db/settings";
import { deleteLoginFailuresBefore } from "../../db/users";
import { logEvent } from "../lib/log";
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
  const keysForgotten = await deleteExpiredIdempotencyKeys(db, now - IDEMPOTENCY_KEY_TTL_MS);
  await deleteLoginFailuresBefore(db, now - LOGIN_FAILURE_WINDOW_MS);
  if (matured > 0) logEvent("commission.matured", { entries: matured });
  return { cancelled, groups, refundsSent, matured, keysForgotten };
}
