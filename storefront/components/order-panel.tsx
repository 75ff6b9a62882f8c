// A placed order as its buyer sees it: number, amount, and while it is unpaid in demo mode the demo
// pay button, a real form posting to /orders/:id/pay (the checkout island sends it through the API
// instead, in place).
import type { OrderView } from "../../core/contract/order";
import { formatCny } from "../format";
import { checkout } from "../i18n/zh-CN/checkout";
import { common } from "../i18n/zh-CN/common";

const t = { ...checkout, ...common };

export type OrderPanelProps = {
  order: OrderView;
  /** Whether the demo pay button is offered (demo payment mode, and an order to pay that way). */
  demo: boolean;
  busy?: boolean;
  error?: string | null;
  /** The island's own way to pay; without it the form posts. */
  onPay?: (event: Event) => void;
};

export function OrderPanel(props: OrderPanelProps) {
  const { order } = props;
  const paid = order.status === "paid";
  const pending = order.status === "pending";
  return (
    <div class="panel" data-testid="order-placed">
      <h2 style="margin-top:0">{paid ? t.checkoutPaid : pending ? t.checkoutPlaced : t.orderStatus[order.status]}</h2>
      <p class="muted">{t.checkoutOrderNo(order.id)}</p>
      <p>
        {pending ? t.checkoutToPay : t.checkoutTotal} <span class="price">{formatCny(order.total_cents)}</span>
        {order.wallet_cents > 0 && <span class="muted"> {t.checkoutWalletPart(formatCny(order.wallet_cents))}</span>}
      </p>
      {pending && props.demo && (
        <form method="post" action={`/orders/${encodeURIComponent(order.id)}/pay`} onSubmit={props.onPay}>
          <p class="demo-banner">{t.demoPaymentNote}</p>
          <button class="btn" type="submit" disabled={props.busy}>
            {t.demoPay(formatCny(order.total_cents))}
          </button>
        </form>
      )}
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      {paid && (
        <a class="btn btn-ghost" href="/orders">
          {t.navOrders}
        </a>
      )}
    </div>
  );
}
