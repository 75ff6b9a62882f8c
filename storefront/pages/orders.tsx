// 我的订单: a signed-in shopper's orders, newest first, with what each one still needs.
import type { OrderView } from "../../core/contract/order";
import { Layout } from "../components/layout";
import { formatCny } from "../format";
import { t } from "../i18n";

export function OrdersPage(props: { orders: OrderView[] | null; titles: Record<number, string>; origin: string }) {
  return (
    <Layout meta={{ title: t.navOrders, description: t.tagline, url: `${props.origin}/orders` }}>
      <main class="wrap">
        <h2>{t.navOrders}</h2>
        {props.orders === null ? (
          <div class="panel empty">
            <p>{t.ordersSignIn}</p>
            <a class="btn" href="/login?next=/orders">
              {t.checkinSignIn}
            </a>
          </div>
        ) : props.orders.length === 0 ? (
          <div class="panel empty">
            <p>{t.ordersEmpty}</p>
            <a class="btn" href="/">
              {t.bargainGoShopping}
            </a>
          </div>
        ) : (
          props.orders.map((o) => (
            <section class="panel order-row">
              <div class="order-head">
                <span class="muted">{t.checkoutOrderNo(o.id)}</span>
                <b class={`status status-${o.status}`}>{t.orderStatus[o.status]}</b>
              </div>
              {o.items.map((i) => (
                <div>
                  {props.titles[i.product_id] ?? `#${i.product_id}`} × {i.quantity}
                </div>
              ))}
              <div>
                {t.checkoutTotal} <span class="price">{formatCny(o.total_cents)}</span>
                {o.wallet_cents > 0 && <span class="muted"> {t.checkoutWalletPart(formatCny(o.wallet_cents))}</span>}
              </div>
            </section>
          ))
        )}
      </main>
    </Layout>
  );
}
