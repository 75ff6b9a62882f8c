// The merchant's dashboard: visits → orders → sales per store day, top products, top distributors.
import { sql, type SQL } from "drizzle-orm";
import type { Dashboard, TopDistributor, TopProduct } from "../core/contract/admin";
import { SOLD_STATUSES } from "../core/enums";
import type { DayRange } from "../core/rules/day-ranges";
import { batchAll } from "./batch-all";
import type { Db } from "./client";

const TOP_N = 5;
const sold = sql.raw(`(${SOLD_STATUSES.map((s) => `'${s}'`).join(", ")})`);

/** The days as a table of `(i, s, e)`: day number, start and end (epoch ms). */
const daysTable = (ranges: DayRange[]) =>
  sql`WITH days(i, s, e) AS (VALUES ${sql.join(
    ranges.map((r, i) => sql`(${sql.raw(String(i))}, ${r.start_ms}, ${r.end_ms})`),
    sql`, `,
  )})`;

/**
 * The dashboard's three reads, each answered from indexes alone: visits_at_idx and
 * visits_unique_at_idx count a day's visits and unique visits without reading a row,
 * orders_status_created_idx covers the sold orders, and visits_distributor_at_idx counts a top
 * distributor's visits. Exported so the benchmark can EXPLAIN them.
 */
export function dashboardQueries(ranges: DayRange[]): SQL[] {
  const from = ranges[0]!.start_ms;
  const to = ranges.at(-1)!.end_ms;
  return [
    // per day a range of each index and no GROUP BY sort of a month of visits; count(*) alone
    // never decodes an index entry, so two counts beat one pass that sums is_unique
    sql`${daysTable(ranges)}
      SELECT i,
        (SELECT count(*) FROM visits WHERE at >= days.s AND at < days.e) AS visits,
        (SELECT count(*) FROM visits WHERE is_unique = 1 AND at >= days.s AND at < days.e) AS unique_visits,
        (SELECT json_array(count(*), coalesce(sum(subtotal_cents), 0)) FROM orders
          WHERE status IN ${sold} AND created_at >= days.s AND created_at < days.e) AS orders
      FROM days`,
    // the products' titles for the top few only
    sql`SELECT t.product_id, p.title, t.quantity, t.sales_cents FROM (
        SELECT oi.product_id, sum(oi.quantity) AS quantity, sum(oi.quantity * oi.unit_price_cents) AS sales_cents
        FROM orders o JOIN order_items oi ON oi.order_id = o.id
        WHERE o.status IN ${sold} AND o.created_at >= ${from} AND o.created_at < ${to}
        GROUP BY oi.product_id ORDER BY sales_cents DESC, quantity DESC, oi.product_id LIMIT ${TOP_N}
      ) t JOIN products p ON p.id = t.product_id
      ORDER BY t.sales_cents DESC, t.quantity DESC, t.product_id`,
    // the visits of the top few only: counting every distributor's would scan the month's visits
    sql`SELECT t.user_id, u.nickname, d.code, t.orders, t.sales_cents,
        (SELECT count(*) FROM visits v
          WHERE v.distributor_user_id = t.user_id AND v.at >= ${from} AND v.at < ${to}) AS visits
      FROM (
        SELECT distributor_user_id AS user_id, count(*) AS orders, sum(subtotal_cents) AS sales_cents
        FROM orders
        WHERE status IN ${sold} AND created_at >= ${from} AND created_at < ${to} AND distributor_user_id IS NOT NULL
        GROUP BY distributor_user_id ORDER BY sales_cents DESC, orders DESC, distributor_user_id LIMIT ${TOP_N}
      ) t
      JOIN users u ON u.id = t.user_id
      LEFT JOIN distributors d ON d.user_id = t.user_id
      ORDER BY t.sales_cents DESC, t.orders DESC, t.user_id`,
  ];
}

/**
 * Everything the dashboard shows for `ranges` (the store's last 30 days), in one D1 round trip.
 * Orders and sales count orders placed that day that are paid, shipped or completed; sales are
 * item totals before wallet cash (what distributors' sales count too).
 */
export async function adminDashboard(db: Db, ranges: DayRange[]): Promise<Dashboard> {
  const [dayRows, topProducts, topDistributors] = await batchAll(db, dashboardQueries(ranges));
  const rows = new Map(dayRows!.map((row) => [row.i as number, row]));
  return {
    days: ranges.map((r, i) => {
      const row = rows.get(i);
      // a scalar subquery answers one value: the orders' count and sales come back as a JSON pair
      const [orders, sales] = row ? (JSON.parse(String(row.orders)) as [number, number]) : [0, 0];
      return {
        day: r.day,
        visits: Number(row?.visits ?? 0),
        unique_visits: Number(row?.unique_visits ?? 0),
        orders,
        sales_cents: sales,
      };
    }),
    top_products: topProducts as TopProduct[],
    top_distributors: topDistributors as TopDistributor[],
  };
}
