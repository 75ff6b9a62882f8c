// The cron's sweep of groups past their deadline: each ends in a batch of its own (db/close-group.ts);
// the refunds Stripe owes a failed group's orders are sent right after (services/run-cron.ts).
import type { Db } from "../../db/client";
import { closeExpiredGroup, findExpiredGroups } from "../../db/close-group";

const SWEEP_LIMIT = 50;

/** @returns how many groups this sweep ended, by outcome (a group another run ended is not counted). */
export async function closeExpiredGroups(db: Db, now: number): Promise<{ succeeded: number; failed: number }> {
  const closed = { succeeded: 0, failed: 0 };
  for (const id of await findExpiredGroups(db, now, SWEEP_LIMIT)) {
    const outcome = await closeExpiredGroup(db, id, now);
    if (outcome === "succeeded" || outcome === "failed") closed[outcome] += 1;
  }
  return closed;
}
