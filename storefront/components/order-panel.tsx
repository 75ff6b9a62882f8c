// A placed order as its buyer sees it: number, amount, and while it is unpaid the way to pay it: in
// demo mode the demo pay button, a real form posting to /orders/:id/pay (the checkout island sends it
// through the API instead, in place); in Stripe mode a form back to the order's Stripe Checkout.
import type { OrderView } from "../../core/contract/order";
import { formatCny } from "../format";
import { checkout } from "../i18n/zh-CN/checkout";
import { common } from "../i18n/zh-CN/common";

const t = { ...checkout, ...common };

export type OrderPanelProps = {
  order: OrderView;
  /** Whether the demo pay button is offered (demo payment mode, and an order to pay that way). */
  demo: boolean;
  /** Whether the order is paid on Stripe Checkout (Stripe mode, and an order to pay that way). */
  stripe?: boolean;
  /** Back from Stripe's success page: an unpaid order is one whose payment is being confirmed. */
  returnedPaid?: boolean;
  busy?: boolean;
  error?: string | null;
  /** The island's own way to pay; without it the form posts. */
  onPay?: (event: Event) => void;
};

export function OrderPanel(props: OrderPanelProps) {
  const { order } = props;
  const paid = order.status === "paid";
  const pending = order.status === "pending";
  // Stripe sends the buyer back before its webhook tells the store: no second payment meanwhile
  const confirming = pending && props.returnedPaid;
  const heading = paid
    ? t.checkoutPaid
    : confirming
      ? t.checkoutConfirming
      : pending
        ? t.checkoutPlaced
        : t.orderStatus[order.status];
  return (
    <div class="panel" data-testid="order-placed">
      <h2 style="margin-top:0">{heading}</h2>
      <p class="muted">{t.checkoutOrderNo(order.id)}</p>
      <p>
        {pending ? t.checkoutToPay : t.checkoutTotal} <span class="price">{formatCny(order.total_cents)}</span>
        {order.wallet_cents > 0 && <span class="muted"> {t.checkoutWalletPart(formatCny(order.wallet_cents))}</span>}
      </p>
      {confirming && <p class="muted">{t.checkoutConfirmingNote}</p>}
      {pending && !confirming && props.stripe && (
        <form method="post" action={`/orders/${encodeURIComponent(order.id)}/stripe`}>
          <button class="btn" type="submit">
            {t.stripePay(formatCny(order.total_cents))}
          </button>
        </form>
      )}
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
