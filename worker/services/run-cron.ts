// The minute cron: unpaid orders past their hold are cancelled; commission of orders completed
// long enough ago becomes available; Idempotency-Keys older than a day and login failures older than
// the throttle's window are forgotten.
import { IDEMPOTENCY_KEY_TTL_MS } from "../../core/rules/idempotency-retention";
import { LOGIN_FAILURE_WINDOW_MS } from "../../core/rules/login-throttle";
import { getDb } from "../../db/client";
import { matureCommissions } from "../../db/commission-ledger";
import { deleteExpiredIdempotencyKeys } from "../../db/idempotency";
import { getSettings } from "../../db/settings";
import { deleteLoginFailuresBefore } from "../../db/users";
import { cancelExpiredOrders } from "./cancel-expired-orders";

export async function runCron(
  env: Env,
  now: number,
): Promise<{ cancelled: number; matured: number; keysForgotten: number }> {
  const db = getDb(env.DB);
  const settings = await getSettings(db, now);
  const cancelled = await cancelExpiredOrders(db, now);
  const matured = await matureCommissions(db, now, settings.commission_maturity_days);
  const keysForgotten = await deleteExpiredIdempotencyKeys(db, now - IDEMPOTENCY_KEY_TTL_MS);
  await deleteLoginFailuresBefore(db, now - LOGIN_FAILURE_WINDOW_MS);
  return { cancelled, matured, keysForgotten };
}
