// One row per human click on a share link, written after the redirect has left, in batches:
// by the redirect's waitUntil, or by the VISITS queue's consumer where that binding exists.
import { getTableName } from "drizzle-orm";
import type { DeviceClass } from "../core/enums";
import { calendarDay } from "../core/rules/checkin-reward";
import { visitDays, visits } from "./schema";

export type Visit = {
  /** Made at the click: writing the same visit again (a retry, a queue redelivery) adds nothing. */
  id: string;
  linkCode: string;
  distributorUserId: number;
  visitorId: string;
  at: number;
  referer: string | null;
  country: string | null;
  device: DeviceClass;
};

/**
 * Records visits in one D1 round trip: a batch from the redirect (worker/services/record-visit-soon.ts)
 * or from the VISITS queue. A visit is unique unless the same visitor already has a unique visit
 * to the same link within the window (1 hour by default). Counting from the last *unique* visit,
 * not the last visit, means someone who comes back every 50 minutes all day counts once an hour
 * rather than once forever; every raw visit is still a row.
 * Uniqueness is decided inside the INSERT, and the statements run in order inside one
 * transaction, so two racing clicks cannot both be unique, in one batch or in two.
 * A visit whose id is already stored is skipped, so a batch written twice counts once.
 * The same batch adds each new visit to its link's row of the day (`visit_days`, the store's
 * calendar day in `timeZone`), which the dashboard and distributor stats read.
 * @example await recordVisits(env.DB, [{ id: nanoid(), linkCode, distributorUserId, visitorId, at: now(), referer, country, device: "mobile" }], 3_600_000, "Asia/Shanghai")
 */
export async function recordVisits(
  d1: D1Database,
  batch: Visit[],
  uniqueWindowMs: number,
  timeZone: string,
): Promise<void> {
  // Visits of different visitors or links cannot change each other's uniqueness, so one statement
  // takes a run of visits until a (link, visitor) repeats (a double tap); the repeat starts the
  // next statement, which sees the first. Rows keep the batch's order. An id seen twice in one
  // batch (a message delivered twice) is one visit.
  const groups: Visit[][] = [];
  let keys = new Set<string>();
  const ids = new Set<string>();
  for (const visit of batch) {
    if (ids.has(visit.id)) continue;
    ids.add(visit.id);
    const key = `${visit.linkCode}\n${visit.visitorId}`;
    if (groups.length === 0 || keys.has(key)) {
      groups.push([]);
      keys = new Set();
    }
    groups.at(-1)!.push(visit);
    keys.add(key);
  }
  if (groups.length === 0) return;
  const count = d1.prepare(COUNT_VISIT_DAYS);
  const insert = d1.prepare(INSERT_VISITS);
  const rows = (visits: Visit[]) =>
    JSON.stringify(
      visits.map((v) => [
        v.linkCode,
        v.distributorUserId,
        v.visitorId,
        v.at,
        v.referer,
        v.country,
        v.device,
        v.id,
        calendarDay(v.at, timeZone),
      ]),
    );
  // each group counted before it is written: the count sees exactly the rows the insert will add
  await d1.batch(
    groups.flatMap((group) => {
      const json = rows(group);
      return [count.bind(json, uniqueWindowMs), insert.bind(json, uniqueWindowMs)];
    }),
  );
}

// One statement for any number of visits: they arrive as one JSON array (D1 binds at most 100
// parameters to a statement; this binds 2). Column names come from the drizzle schema, its one source.
// (SQLite wants a WHERE before ON CONFLICT in an INSERT … SELECT, hence `WHERE true`.)
const table = getTableName(visits);
const col = (i: number) => `json_extract(value, '$[${i}]')`;
/** Whether the visit in `value` is unique: the one definition both statements use. */
const IS_UNIQUE = `NOT EXISTS (SELECT 1 FROM ${table}
      WHERE ${visits.linkCode.name} = ${col(0)} AND ${visits.visitorId.name} = ${col(2)}
        AND ${visits.isUnique.name} = 1 AND ${visits.at.name} > ${col(3)} - ?2)`;
const INSERT_VISITS = `INSERT INTO ${table} (${visits.linkCode.name}, ${visits.distributorUserId.name},
    ${visits.visitorId.name}, ${visits.at.name}, ${visits.isUnique.name}, ${visits.referer.name}, ${visits.country.name}, ${visits.device.name},
    ${visits.visitId.name})
  SELECT ${col(0)}, ${col(1)}, ${col(2)}, ${col(3)}, ${IS_UNIQUE}, ${col(4)}, ${col(5)}, ${col(6)}, ${col(7)}
  FROM json_each(?1) WHERE true ORDER BY key
  ON CONFLICT (${visits.visitId.name}) DO NOTHING`;
// -- counts a visit once: only visits whose id is not stored yet, i.e. the rows INSERT_VISITS adds next
const days = getTableName(visitDays);
const COUNT_VISIT_DAYS = `INSERT INTO ${days} (${visitDays.day.name}, ${visitDays.linkCode.name},
    ${visitDays.distributorUserId.name}, ${visitDays.visits.name}, ${visitDays.uniqueVisits.name})
  SELECT ${col(8)} AS d, ${col(0)} AS l, max(${col(1)}), count(*), sum(${IS_UNIQUE})
  FROM json_each(?1)
  WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE ${visits.visitId.name} = ${col(7)})
  GROUP BY d, l
  ON CONFLICT (${visitDays.day.name}, ${visitDays.linkCode.name}) DO UPDATE SET
    ${visitDays.visits.name} = ${visitDays.visits.name} + excluded.${visitDays.visits.name},
    ${visitDays.uniqueVisits.name} = ${visitDays.uniqueVisits.name} + excluded.${visitDays.uniqueVisits.name}`;
