// 经营概览 (/admin): 30 days of visits → orders → sales, top products and distributors, CSV exports.
import type { Dashboard, DashboardTotals } from "../../../core/contract/admin";
import { averageOrderCents, conversionBp } from "../../../core/rules/dashboard-totals";
import { AdminChart } from "../../components/admin-chart";
import { AdminLayout } from "../../components/admin-layout";
import { formatCny } from "../../format";
import { ta } from "../../i18n";

export type AdminDashboardProps = Dashboard & { totals: DashboardTotals; timeZone: string };

export function AdminDashboardPage(props: AdminDashboardProps) {
  const c = ta.dashboard;
  const conversion = conversionBp(props.totals);
  const average = averageOrderCents(props.totals);
  const recent = props.days.slice(-7).reverse();
  const kpis: Array<[string, string]> = [
    [c.visits, props.totals.visits.toLocaleString("en-US")],
    [c.uniqueVisits, props.totals.unique_visits.toLocaleString("en-US")],
    [c.orders, props.totals.orders.toLocaleString("en-US")],
    [c.sales, formatCny(props.totals.sales_cents)],
    [c.averageOrder, average === null ? "–" : formatCny(average)],
    [c.conversion, conversion === null ? "–" : `${(conversion / 100).toFixed(2)}%`],
  ];
  return (
    <AdminLayout title={c.title} section="dashboard">
      <div class="a-head">
        <h1>{c.title}</h1>
        <span class="muted">{c.range(props.days[0]!.day, props.days.at(-1)!.day, props.timeZone)}</span>
      </div>
      <div class="a-kpis">
        {kpis.map(([label, value]) => (
          <div class="a-kpi">
            <span>{label}</span>
            <b>{value}</b>
          </div>
        ))}
      </div>
      <div class="a-grid">
        <div class="a-side">
          <section class="a-card">
            <h2>{c.chartTitle}</h2>
            <AdminChart days={props.days} />
            <p class="muted">{c.countsNote}</p>
          </section>
          <section class="a-card">
            <h2>{c.dailyTitle}</h2>
            <div class="a-scroll">
              <table class="a-table">
                <thead>
                  <tr>
                    <th>{c.day}</th>
                    <th class="num">{c.visits}</th>
                    <th class="num">{c.uniqueVisits}</th>
                    <th class="num">{c.chartOrders}</th>
                    <th class="num">{c.sales}</th>
                  </tr>
                </thead>
                <tbody>
                  {recent.map((d) => (
                    <tr>
                      <td>{d.day.slice(5)}</td>
                      <td class="num">{d.visits.toLocaleString("en-US")}</td>
                      <td class="num">{d.unique_visits.toLocaleString("en-US")}</td>
                      <td class="num">{d.orders}</td>
                      <td class="num">{formatCny(d.sales_cents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
        <div class="a-side">
          <section class="a-card">
            <h2>{c.topProducts}</h2>
            {props.top_products.length === 0 ? (
              <p class="muted">{ta.none}</p>
            ) : (
              <ol class="a-rank">
                {props.top_products.map((p) => (
                  <li>
                    <a class="n" href={`/admin/products/${p.product_id}`}>
                      {p.title}
                    </a>
                    <span class="v">
                      {formatCny(p.sales_cents)}
                      <small>{c.quantity(p.quantity)}</small>
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section class="a-card">
            <h2>{c.topDistributors}</h2>
            {props.top_distributors.length === 0 ? (
              <p class="muted">{ta.none}</p>
            ) : (
              <ol class="a-rank">
                {props.top_distributors.map((d) => (
                  <li>
                    <span class="n">
                      {d.nickname}
                      <small>{c.visitsCount(d.visits)}</small>
                    </span>
                    <span class="v">
                      {formatCny(d.sales_cents)}
                      <small>{c.ordersCount(d.orders)}</small>
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section class="a-card">
            <h2>{c.export}</h2>
            <p class="a-bar">
              <a class="btn btn-line btn-sm" href="/admin/export/orders.csv" download>
                {c.exportOrders}
              </a>
              <a class="btn btn-line btn-sm" href="/admin/export/commissions.csv" download>
                {c.exportCommissions}
              </a>
            </p>
            <p class="muted">{c.exportNote}</p>
          </section>
        </div>
      </div>
    </AdminLayout>
  );
}
