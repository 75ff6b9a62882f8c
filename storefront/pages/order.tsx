// One order, for its buyer: what was bought, the amount, and while it is unpaid the way to pay it (a
// plain form: this page carries no script). Checkout without JavaScript lands here, and so does the
// buyer coming back from Stripe Checkout, paid or not.
import type { OrderView } from "../../core/contract/order";
import { Layout } from "../components/layout";
import { OrderPanel } from "../components/order-panel";
import { t } from "../i18n";

export function OrderPage(props: {
  order: OrderView;
  titles: Record<number, string>;
  origin: string;
  /** Demo payment mode: the banner, and the demo pay button on an unpaid order. */
  demo: boolean;
  /** Stripe mode, for an order paid that way: a way back to its Stripe Checkout while unpaid. */
  stripe: boolean;
  /** Back from Stripe's success page (`?paid=1`). */
  returnedPaid: boolean;
  error?: string | null;
}) {
  const { order } = props;
  return (
    <Layout meta={{ title: t.checkoutOrderNo(order.id), description: t.tagline, url: `${props.origin}/orders` }}>
      {props.demo && <div class="demo-banner">{t.demoModeBanner}</div>}
      <main class="wrap" style="padding-top:10px">
        <section class="panel">
          {order.items.map((i) => (
            <div>
              {props.titles[i.product_id] ?? `#${i.product_id}`} × {i.quantity}
            </div>
          ))}
        </section>
        <OrderPanel
          order={order}
          demo={props.demo}
          stripe={props.stripe}
          returnedPaid={props.returnedPaid}
          error={props.error}
        />
        {order.group_id && (
          <a class="btn btn-ghost" href={`/g/${encodeURIComponent(order.group_id)}`}>
            {t.orderGoToGroup}
          </a>
        )}
      </main>
    </Layout>
  );
}
