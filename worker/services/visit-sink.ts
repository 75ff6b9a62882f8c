// Where a batch of share-link visits goes: the VISITS queue when it is bound (its consumer then
// writes them), else straight to D1 as one statement. The redirect and the queue consumer both ask here.
import { getDb } from "../../db/client";
import { recordVisits, type Visit } from "../../db/record-visit";
import { getSettings } from "../../db/settings";
import { queueDestination, type VisitDestination } from "./record-visit-soon";

/** Writes visits to D1, deciding their uniqueness against the store's window (1 hour by default). */
export async function writeVisits(env: Env, visits: Visit[], now: number): Promise<void> {
  const settings = await getSettings(getDb(env.DB), now);
  await recordVisits(env.DB, visits, settings.unique_visit_window_s * 1000, settings.time_zone);
}

/** @returns the batch's destination (one open batch per destination) and how to write to it. */
export function visitSink(env: Env, now: () => number): VisitDestination {
  if (env.VISITS) return queueDestination(env.VISITS);
  return { destination: env.DB, write: (batch) => writeVisits(env, batch, now()) };
}
