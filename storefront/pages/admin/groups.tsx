// 拼团管理 (/admin/groups?status=): groups by status, each with its members and their orders.
import type { AdminGroupView } from "../../../core/contract/group";
import type { GroupStatus } from "../../../core/enums";
import { toWallTime } from "../../../core/rules/zoned-time";
import { AdminLayout } from "../../components/admin-layout";
import { formatCny } from "../../format";
import { t, ta } from "../../i18n";

export const GROUP_FILTERS: GroupStatus[] = ["open", "succeeded", "failed", "pending"];

const BADGE: Record<GroupStatus, string> = { open: "red", succeeded: "green", failed: "", pending: "gold" };

export function AdminGroupsPage(props: {
  groups: AdminGroupView[];
  status: GroupStatus | null;
  timeZone: string;
  limit: number;
}) {
  const g = ta.groups;
  const wall = (iso: string) => toWallTime(Date.parse(iso), props.timeZone).replace("T", " ");
  const tab = (status: GroupStatus | null, label: string) => (
    <a
      href={status ? `/admin/groups?status=${status}` : "/admin/groups"}
      class={props.status === status ? "on" : undefined}
    >
      {label}
    </a>
  );
  return (
    <AdminLayout title={g.title} section="groups">
      <div class="a-head">
        <h1>{g.title}</h1>
      </div>
      <nav class="a-tabs">
        {tab(null, g.all)}
        {GROUP_FILTERS.map((s) => tab(s, g.status[s]))}
      </nav>
      {(props.status === "failed" || props.status === null) && <p class="muted">{g.failedNote}</p>}
      {props.groups.length === 0 && <p class="a-card a-empty">{g.empty}</p>}
      <div class="a-orders">
        {props.groups.map((group) => (
          <section class="a-card a-order" data-group={group.id}>
            <div class="top">
              <span>
                <span class={`badge ${BADGE[group.status]}`}>{g.status[group.status]}</span>
                <a href={`/g/${group.id}`}>{group.id}</a>
              </span>
              <span class="muted">
                {g.seats(
                  group.members.filter((m) => m.order_status !== "refunded" || group.status === "failed").length,
                  group.size,
                )}
              </span>
            </div>
            <div>
              <b>{group.product_title}</b> · {g.price(formatCny(group.price_cents))}
            </div>
            <div class="muted">
              {`${g.openedAt} ${wall(group.created_at)} · ${group.closed_at ? `${g.closedAt} ${wall(group.closed_at)}` : `${g.endsAt} ${wall(group.expires_at)}`}`}
            </div>
            <ul class="a-members">
              {group.members.map((m) => (
                <li>
                  <span>
                    {m.nickname}
                    {m.leader && <span class="badge gold">{g.leader}</span>}
                  </span>
                  <span class="muted">{`${g.order} ${m.order_id} · ${t.orderStatus[m.order_status]}`}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {props.groups.length >= props.limit && <p class="muted">{g.limitNote(props.limit)}</p>}
    </AdminLayout>
  );
}
