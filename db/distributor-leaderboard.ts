// Every distributor's funnel side by side, best sellers first: what the merchant pays out from.
import { sql, type SQL } from "drizzle-orm";
import { SOLD_STATUSES } from "../core/enums";
import type { Db } from "./client";

export type LeaderboardRow = {
  user_id: number;
  nickname: string;
  phone: string;
  code: string;
  visits: number;
  unique_visits: number;
  orders: number;
  sales_cents: number;
  pending_cents: number;
  available_cents: number;
  reversed_cents: number;
  paid_out_cents: number;
};

const sold = sql.raw(`(${SOLD_STATUSES.map((s) => `'${s}'`).join(", ")})`);

/**
 * The leaderboard query: all-time counts, each aggregate read in index order
 * (visit_days_distributor_idx covers the visit counts, a row per link and day; orders_distributor_idx;
 * commission_ledger_distributor_idx). Balances are sums of signed ledger entries per bucket.
 * Exported so the benchmark can EXPLAIN it.
 */
export function leaderboardQuery(limit: number): SQL {
  return sql`
    SELECT d.user_id, u.nickname, u.phone, d.code,
      coalesce(v.visits, 0) AS visits, coalesce(v.unique_visits, 0) AS unique_visits,
      coalesce(o.orders, 0) AS orders, coalesce(o.sales_cents, 0) AS sales_cents,
      coalesce(l.pending_cents, 0) AS pending_cents, coalesce(l.available_cents, 0) AS available_cents,
      coalesce(l.reversed_cents, 0) AS reversed_cents, coalesce(l.paid_out_cents, 0) AS paid_out_cents
    FROM distributors d
    JOIN users u ON u.id = d.user_id
    LEFT JOIN (
      SELECT distributor_user_id, sum(visits) AS visits, sum(unique_visits) AS unique_visits
      FROM visit_days GROUP BY distributor_user_id
    ) v ON v.distributor_user_id = d.user_id
    LEFT JOIN (
      SELECT distributor_user_id, count(*) AS orders, sum(subtotal_cents) AS sales_cents
      FROM orders WHERE distributor_user_id IS NOT NULL AND status IN ${sold} GROUP BY distributor_user_id
    ) o ON o.distributor_user_id = d.user_id
    LEFT JOIN (
      SELECT distributor_user_id,
        sum(CASE bucket WHEN 'pending' THEN amount_cents END) AS pending_cents,
        sum(CASE bucket WHEN 'available' THEN amount_cents END) AS available_cents,
        sum(CASE bucket WHEN 'reversed' THEN amount_cents END) AS reversed_cents,
        sum(CASE bucket WHEN 'paid_out' THEN amount_cents END) AS paid_out_cents
      FROM commission_ledger GROUP BY distributor_user_id
    ) l ON l.distributor_user_id = d.user_id
    ORDER BY sales_cents DESC, visits DESC, d.user_id
    LIMIT ${limit}`;
}

/** @returns up to `limit` distributors (default 200), by sales then visits. */
export async function distributorLeaderboard(db: Db, limit = 200): Promise<LeaderboardRow[]> {
  return db.all<LeaderboardRow>(leaderboardQuery(limit));
}
