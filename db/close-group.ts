// Closing a group at its deadline, for the minute cron: each group claimed by one conditional
// update and refunded in the same batch, so two runs at once, or a crash between two groups,
// never refund an order twice nor leave one unrefunded.
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { GroupStatus } from "../core/enums";
import type { Db } from "./client";
import { failedGroupRefundStatements } from "./group-refunds";
import { recountSeatsStatement } from "./group-seats";
import { groups } from "./schema";

/** Open groups whose deadline has passed, the oldest deadline first. */
export async function findExpiredGroups(db: Db, now: number, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.status, "open"), lte(groups.expiresAt, now)))
    .orderBy(asc(groups.expiresAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Ends one open group past its deadline, in one batch: succeeded when its virtual fill is reached
 * (core/rules/group-seats.ts outcomeAtDeadline), failed otherwise, with every paid order refunded.
 * @returns how this call ended the group, or null when it was not open past its deadline (another
 *   run claimed it first, or it succeeded meanwhile)
 */
export async function closeExpiredGroup(db: Db, groupId: string, now: number): Promise<GroupStatus | null> {
  const paid = sql`(SELECT count(*) FROM orders WHERE orders.group_id = ${groupId} AND orders.status = 'paid')`;
  const [claimed] = await db.batch([
    // the claim: only an open group past its deadline moves, so only one run ever moves it
    db
      .update(groups)
      .set({
        status: sql`CASE WHEN groups.virtual_fill_at IS NOT NULL AND ${paid} >= groups.virtual_fill_at THEN 'succeeded' ELSE 'failed' END`,
        closedAt: now,
      })
      .where(and(eq(groups.id, groupId), eq(groups.status, "open"), lte(groups.expiresAt, now)))
      .returning({ status: groups.status }),
    ...failedGroupRefundStatements(db, groupId, now),
    recountSeatsStatement(db, groupId),
  ]);
  return claimed[0]?.status ?? null;
}
