// The home page: two taps to everything — quick links, the flash-sale strip, the product grid.
import type { ProductView } from "../../core/contract/product";
import { currentUnitPrice, flashPhase } from "../../core/rules/flash-sale";
import { island } from "../components/island";
import { Layout } from "../components/layout";
import { Price } from "../components/price";
import { ProductCard } from "../components/product-card";
import { t } from "../i18n";
import { Countdown } from "../islands/countdown";

/** A phone's first screen shows the first two cards: theirs load at once, the first (the page's largest) first. */
const EAGER_CARDS = 2;

export function HomePage(props: { products: ProductView[]; now: number; origin: string }) {
  const live = props.products.filter((p) => flashPhase(p, props.now) === "live");
  const firstEnd = live.map((p) => p.flash_sale!.ends_at).sort()[0];
  return (
    <Layout meta={{ title: t.storeName, description: t.tagline, url: `${props.origin}/` }} islands={live.length > 0}>
      <main class="wrap">
        <h1 class="vh">{`${t.storeName} · ${t.tagline}`}</h1>
        <nav class="quick" aria-label={t.navQuickLabel}>
          <a href="/checkin">
            <span aria-hidden="true">💰</span>
            {t.navCheckin}
          </a>
          <a href="/bargains">
            <span aria-hidden="true">🔪</span>
            {t.navBargains}
          </a>
          <a href="/me">
            <span aria-hidden="true">📣</span>
            {t.navPromote}
          </a>
          <a href="/orders">
            <span aria-hidden="true">📦</span>
            {t.navOrders}
          </a>
          <a href="/clearance">
            <span>🏷️</span>
            {t.clearanceTitle}
          </a>
          <a href="/groups">
            <span>👥</span>
            {t.navGroups}
          </a>
        </nav>
        {live.length > 0 && (
          <section class="flash">
            <div class="flash-head">
              <span>
                <span aria-hidden="true">⚡</span> {t.flashSale}
              </span>
              {island(Countdown, { until: firstEnd!, label: t.endsIn, now: props.now })}
            </div>
            <div class="flash-items">
              {live.map((p) => (
                <a href={`/p/${p.id}`}>
                  <img src={p.image_url} alt={p.title} width="120" height="120" />
                  <div>{p.title}</div>
                  <Price cents={currentUnitPrice(p, props.now).price_cents} wasCents={p.price_cents} />
                </a>
              ))}
            </div>
          </section>
        )}
        <h2>{t.allProducts}</h2>
        <div class="grid">
          {props.products.map((p, i) => (
            <ProductCard product={p} now={props.now} load={i === 0 ? "first" : i < EAGER_CARDS ? "eager" : "lazy"} />
          ))}
        </div>
      </main>
    </Layout>
  );
}
