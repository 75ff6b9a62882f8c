// The checkout page: what is being bought, at what price, and the one-screen form.
import type { ProductView } from "../../core/contract/product";
import { island } from "../components/island";
import { Layout } from "../components/layout";
import { Price } from "../components/price";
import { t } from "../i18n";
import { CheckoutForm, type CheckoutFormProps } from "../islands/checkout-form";

export function CheckoutPage(props: { product: ProductView; form: CheckoutFormProps; origin: string; demo: boolean }) {
  const { product: p, form } = props;
  return (
    <Layout
      meta={{ title: `${t.checkoutTitle} · ${p.title}`, description: t.tagline, url: `${props.origin}/checkout` }}
      islands
    >
      {props.demo && <div class="demo-banner">{t.demoModeBanner}</div>}
      <main class="wrap" style="padding-top:10px">
        <section class="panel summary">
          <img src={p.image_url} alt="" width="64" height="64" />
          <div>
            <div>{p.title}</div>
            <Price
              cents={form.unitPriceCents}
              wasCents={form.unitPriceCents < p.price_cents ? p.price_cents : undefined}
            />
            {form.bargainId && <div class="muted">{t.checkoutBargainNote}</div>}
            {form.group && (
              <div class="muted">{"id" in form.group ? t.groupCheckoutJoin : t.groupCheckoutOpen(form.group.size)}</div>
            )}
          </div>
        </section>
        {island(CheckoutForm, form)}
      </main>
    </Layout>
  );
}
