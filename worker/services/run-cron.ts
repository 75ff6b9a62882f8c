// The minute cron: unpaid orders past their hold are cancelled; commission of orders completed
// long enough ago becomes available.
import { getDb } from "../../db/client";
import { matureCommissions } from "../../db/commission-ledger";
import { getSettings } from "../../db/settings";
import { logEvent } from "../lib/log";
import { cancelExpiredOrders } from "./cancel-expired-orders";

export async function runCron(env: Env, now: number): Promise<{ cancelled: number; matured: number }> {
  const db = getDb(env.DB);
  const settings = await getSettings(db, now);
  const cancelled = await cancelExpiredOrders(db, now);
  const matured = await matureCommissions(db, now, settings.commission_maturity_days);
  if (matured > 0) logEvent("commission.matured", { entries: matured });
  return { cancelled, matured };
}
