// One row per human click on a share link, written after the redirect has left: directly in
// waitUntil, or in batches by the VISITS queue's consumer where that binding exists.
import { sql } from "drizzle-orm";
import type { DeviceClass } from "../worker/rules/device-class";
import type { Db } from "./client";
import { visits } from "./schema";

export type Visit = {
  linkCode: string;
  distributorUserId: number;
  visitorId: string;
  at: number;
  referer: string | null;
  country: string | null;
  device: DeviceClass;
};

/**
 * Records a visit, unique unless the same visitor already has a unique visit to the same link
 * within the window (1 hour by default). Counting from the last *unique* visit, not the last
 * visit, means someone who comes back every 50 minutes all day counts once an hour rather than
 * once forever; every raw visit is still a row.
 * Uniqueness is decided inside the INSERT itself, so two racing clicks cannot both be unique.
 * @example await recordVisit(db, { linkCode, distributorUserId, visitorId, at: now(), referer, country, device: "mobile" }, 3_600_000)
 */
export async function recordVisit(db: Db, visit: Visit, uniqueWindowMs: number): Promise<void> {
  await visitStatement(db, visit, uniqueWindowMs);
}

/**
 * Records a queue's batch of visits in one D1 round trip. The statements run in order inside
 * one transaction, so a visit sees the ones before it in the same batch when deciding uniqueness.
 */
export async function recordVisits(db: Db, batch: Visit[], uniqueWindowMs: number): Promise<void> {
  const [first, ...rest] = batch.map((v) => visitStatement(db, v, uniqueWindowMs));
  if (first) await db.batch([first, ...rest]);
}

function visitStatement(db: Db, visit: Visit, uniqueWindowMs: number) {
  const isUnique = sql`NOT EXISTS (
    SELECT 1 FROM ${visits}
    WHERE ${visits.linkCode} = ${visit.linkCode} AND ${visits.visitorId} = ${visit.visitorId}
      AND ${visits.isUnique} = 1 AND ${visits.at} > ${visit.at - uniqueWindowMs})`;
  // the table's column order: id (left to SQLite), link_code, distributor_user_id, visitor_id, at, is_unique, referer, country, device
  return db
    .insert(visits)
    .select(
      sql`SELECT NULL, ${visit.linkCode}, ${visit.distributorUserId}, ${visit.visitorId}, ${visit.at}, ${isUnique},
                 ${visit.referer}, ${visit.country}, ${visit.device}`,
    );
}
