// The dashboard's headline numbers: the 30 days' counts added up, and the conversion between them.
import type { DashboardDay, DashboardTotals } from "../contract/admin";

export function dashboardTotals(days: DashboardDay[]): DashboardTotals {
  return days.reduce(
    (t, d) => ({
      visits: t.visits + d.visits,
      unique_visits: t.unique_visits + d.unique_visits,
      orders: t.orders + d.orders,
      sales_cents: t.sales_cents + d.sales_cents,
    }),
    { visits: 0, unique_visits: 0, orders: 0, sales_cents: 0 },
  );
}

/**
 * Orders per 100 unique visits, in basis points of a visit (the page shows it as a percent).
 * @returns null when there were no unique visits
 * @example conversionBp({ unique_visits: 200, orders: 3 }) // 150 (1.5%)
 */
export function conversionBp(t: Pick<DashboardTotals, "unique_visits" | "orders">): number | null {
  return t.unique_visits === 0 ? null : Math.round((t.orders * 10_000) / t.unique_visits);
}

/**
 * Sales per sold order, rounded to the fen.
 * @returns null when nothing sold
 * @example averageOrderCents({ orders: 3, sales_cents: 10000 }) // 3333
 */
export function averageOrderCents(t: Pick<DashboardTotals, "orders" | "sales_cents">): number | null {
  return t.orders === 0 ? null : Math.round(t.sales_cents / t.orders);
}
