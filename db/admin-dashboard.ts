// The merchant's dashboard: visits → orders → sales per store day, top products, top distributors.
import { sql, type SQL } from "drizzle-orm";
import type { Dashboard, TopDistributor, TopProduct } from "../core/contract/admin";
import { SOLD_STATUSES } from "../core/enums";
import type { DayRange } from "../core/rules/day-ranges";
import { batchAll } from "./batch-all";
import type { Db } from "./client";

const TOP_N = 5;
const sold = sql.raw(`(${SOLD_STATUSES.map((s) => `'${s}'`).join(", ")})`);

/** The days as a table of `(i, d, s, e)`: day number, the day's name, start and end (epoch ms). */
const daysTable = (ranges: DayRange[]) =>
  sql`WITH days(i, d, s, e) AS (VALUES ${sql.join(
    ranges.map((r, i) => sql`(${sql.raw(String(i))}, ${r.day}, ${r.start_ms}, ${r.end_ms})`),
    sql`, `,
  )})`;

/**
 * The dashboard's three reads, each answered from indexes alone: a day's visits are its rows of
 * the `visit_days` rollup (visit_days_day_idx covers them: one row per link that had visits that
 * day, however many visits), orders_status_created_idx covers the sold orders, and
 * visit_days_distributor_idx a top distributor's visits. Exported so the benchmark can EXPLAIN them.
 */
export function dashboardQueries(ranges: DayRange[]): SQL[] {
  const from = ranges[0]!.start_ms;
  const to = ranges.at(-1)!.end_ms;
  const [firstDay, lastDay] = [ranges[0]!.day, ranges.at(-1)!.day];
  return [
    // a scalar subquery answers one value: each day's pair of counts comes back as a JSON array
    sql`${daysTable(ranges)}
      SELECT i,
        (SELECT json_array(coalesce(sum(visits), 0), coalesce(sum(unique_visits), 0)) FROM visit_days
          WHERE day = days.d) AS visits,
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
    // the visits of the top few only
    sql`SELECT t.user_id, u.nickname, d.code, t.orders, t.sales_cents,
        (SELECT coalesce(sum(v.visits), 0) FROM visit_days v
          WHERE v.distributor_user_id = t.user_id AND v.day >= ${firstDay} AND v.day <= ${lastDay}) AS visits
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
      const pair = (value: unknown) => (value ? (JSON.parse(String(value)) as [number, number]) : [0, 0]);
      const [visits, unique] = pair(row?.visits);
      const [orders, sales] = pair(row?.orders);
      return {
        day: r.day,
        visits,
        unique_visits: unique,
        orders,
        sales_cents: sales,
      };
    }),
    top_products: topProducts as TopProduct[],
    top_distributors: topDistributors as TopDistributor[],
  };
}
