// 订单管理 (/admin/orders?status=): orders by status, who sold each, and the merchant's next step.
import type { AdminOrderView } from "../../../core/contract/order";
import type { OrderStatus } from "../../../core/enums";
import { canTransition } from "../../../core/rules/order-status";
import { toWallTime } from "../../../core/rules/zoned-time";
import { AdminLayout } from "../../components/admin-layout";
import { island } from "../../components/island";
import { formatCny } from "../../format";
import { t, ta } from "../../i18n";
import { AdminOrderActions, type AdminOrderActionsProps } from "../../islands/admin-order-actions";

export const ORDER_FILTERS: OrderStatus[] = ["paid", "shipped", "completed", "pending", "refunded", "cancelled"];
const MERCHANT_ACTIONS = ["ship", "complete", "refund"] as const;

export function AdminOrdersPage(props: {
  orders: AdminOrderView[];
  status: OrderStatus | null;
  titles: Record<number, string>;
  timeZone: string;
  limit: number;
}) {
  const o = ta.orders;
  const tab = (status: OrderStatus | null, label: string) => (
    <a
      href={status ? `/admin/orders?status=${status}` : "/admin/orders"}
      class={props.status === status ? "on" : undefined}
    >
      {label}
    </a>
  );
  return (
    <AdminLayout title={o.title} section="orders">
      <div class="a-head">
        <h1>{o.title}</h1>
        <a
          class="btn btn-line btn-sm"
          href={`/admin/export/orders.csv${props.status ? `?status=${props.status}` : ""}`}
          download
        >
          {ta.dashboard.exportOrders}
        </a>
      </div>
      <nav class="a-tabs">
        {tab(null, o.all)}
        {ORDER_FILTERS.map((s) => tab(s, t.orderStatus[s]))}
      </nav>
      {props.orders.length === 0 && <p class="a-card a-empty">{o.empty}</p>}
      <div class="a-orders">
        {props.orders.map((order) => {
          const actions: AdminOrderActionsProps = {
            orderId: order.id,
            actions: MERCHANT_ACTIONS.filter((a) => canTransition(order.status, a)),
            refundLabel: formatCny(order.total_cents),
          };
          return (
            <section class="a-card a-order" data-order={order.id}>
              <div class="top">
                <span>
                  <span class={`badge ${order.status === "paid" ? "red" : order.status === "shipped" ? "gold" : ""}`}>
                    {t.orderStatus[order.status]}
                  </span>
                  <span class="muted">{order.id}</span>
                </span>
                <span class="muted">{`${o.placedAt} ${toWallTime(Date.parse(order.created_at), props.timeZone).replace("T", " ")}`}</span>
              </div>
              <div>
                {order.items
                  .map((i) => `${props.titles[i.product_id] ?? `#${i.product_id}`} × ${i.quantity}`)
                  .join("，")}
              </div>
              <div>
                {o.total} <b>{formatCny(order.total_cents)}</b>
                {order.wallet_cents > 0 && <span class="muted"> {o.wallet(formatCny(order.wallet_cents))}</span>}
              </div>
              <div class="muted">{`${o.contact}：${order.contact.name} ${order.contact.phone} ${order.contact.address}`}</div>
              <div class="muted" data-distributor>
                {`${o.distributor}：`}
                {order.distributor
                  ? `${order.distributor.nickname}${order.distributor.code ? `（${order.distributor.code}）` : ""}`
                  : o.organic}
              </div>
              {actions.actions.length > 0 && island(AdminOrderActions, actions)}
            </section>
          );
        })}
      </div>
      {props.orders.length >= props.limit && <p class="muted">{o.limitNote(props.limit)}</p>}
    </AdminLayout>
  );
}
