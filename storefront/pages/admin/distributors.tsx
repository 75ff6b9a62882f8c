// 推广员排行 (/admin/distributors): every distributor's funnel and balances, and payouts.
import type { LeaderboardEntry } from "../../../core/contract/admin";
import { AdminLayout } from "../../components/admin-layout";
import { island } from "../../components/island";
import { formatCny } from "../../format";
import { ta } from "../../i18n";
import { AdminPayoutButton } from "../../islands/admin-payout-button";

export function AdminDistributorsPage(props: { distributors: LeaderboardEntry[] }) {
  const d = ta.distributors;
  return (
    <AdminLayout title={d.title} section="distributors">
      <h1>{d.title}</h1>
      <p class="muted">{d.intro}</p>
      <section class="a-card">
        {props.distributors.length === 0 ? (
          <p class="a-empty">{d.empty}</p>
        ) : (
          <div class="a-scroll">
            <table class="a-table">
              <thead>
                <tr>
                  <th>{d.name}</th>
                  <th class="num">{d.visits}</th>
                  <th class="num">{d.uniqueVisits}</th>
                  <th class="num">{d.orders}</th>
                  <th class="num">{d.sales}</th>
                  <th class="num">{d.pending}</th>
                  <th class="num">{d.available}</th>
                  <th class="num">{d.paidOut}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {props.distributors.map((r) => (
                  <tr data-distributor={r.user_id}>
                    <td>
                      {r.nickname}
                      <div class="muted">{`${r.code} · ${r.phone}`}</div>
                    </td>
                    <td class="num">{r.visits}</td>
                    <td class="num">{r.unique_visits}</td>
                    <td class="num">{r.orders}</td>
                    <td class="num">{formatCny(r.sales_cents)}</td>
                    <td class="num">{formatCny(r.commission.pending_cents)}</td>
                    <td class="num">{formatCny(r.commission.available_cents)}</td>
                    <td class="num">{formatCny(r.commission.paid_out_cents)}</td>
                    <td>
                      {r.commission.available_cents > 0 &&
                        island(AdminPayoutButton, { userId: r.user_id, availableCents: r.commission.available_cents })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </AdminLayout>
  );
}
