// A distributor's funnel: visits → unique visits → orders → sales → commission by bucket.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DistributorStats } from "../core/contract/links";
import { SOLD_STATUSES } from "../core/enums";
import type { Db } from "./client";
import { commissionLedger, orders, visitDays } from "./schema";

/**
 * The three reads behind {@link distributorStats}, each answered from one index
 * (visit_days_distributor_idx covers the rollup's counts, a row per link and day whatever the
 * traffic; orders_distributor_idx;
 * commission_ledger_distributor_idx). Exported so a test can EXPLAIN them.
 */
export function distributorStatsQueries(db: Db, userId: number) {
  return [
    db
      .select({
        visits: sql<number>`coalesce(sum(${visitDays.visits}), 0)`,
        uniqueVisits: sql<number>`coalesce(sum(${visitDays.uniqueVisits}), 0)`,
      })
      .from(visitDays)
      .where(eq(visitDays.distributorUserId, userId)),
    db
      .select({ orders: sql<number>`count(*)`, salesCents: sql<number>`coalesce(sum(${orders.subtotalCents}), 0)` })
      .from(orders)
      .where(and(eq(orders.distributorUserId, userId), inArray(orders.status, [...SOLD_STATUSES]))),
    db
      .select({
        bucket: commissionLedger.bucket,
        cents: sql<number>`coalesce(sum(${commissionLedger.amountCents}), 0)`,
      })
      .from(commissionLedger)
      .where(eq(commissionLedger.distributorUserId, userId))
      .groupBy(commissionLedger.bucket),
  ] as const;
}

/**
 * Everything a distributor's page shows, in one D1 round trip. A user who is not a distributor
 * gets zeros. A bucket's balance is the sum of its signed ledger entries.
 * @returns the API's stats shape
 */
export async function distributorStats(db: Db, userId: number): Promise<DistributorStats> {
  const [[traffic], [sales], buckets] = await db.batch(distributorStatsQueries(db, userId));
  const bucket = (name: (typeof buckets)[number]["bucket"]) => buckets.find((b) => b.bucket === name)?.cents ?? 0;
  return {
    visits: traffic?.visits ?? 0,
    unique_visits: traffic?.uniqueVisits ?? 0,
    orders: sales?.orders ?? 0,
    sales_cents: sales?.salesCents ?? 0,
    commission: {
      pending_cents: bucket("pending"),
      available_cents: bucket("available"),
      reversed_cents: bucket("reversed"),
    },
  };
}
