// The product page a chat link lands on: picture, price (and the live sale), story, buy and share.
import type { ProductView } from "../../core/contract/product";
import { currentUnitPrice, flashPhase } from "../../core/rules/flash-sale";
import { island } from "../components/island";
import { Layout } from "../components/layout";
import { Price } from "../components/price";
import { formatCny } from "../format";
import { t } from "../i18n";
import { Countdown } from "../islands/countdown";
import { ShareButton } from "../islands/share-button";
import { StartBargainButton } from "../islands/start-bargain-button";
import { StockLeft } from "../islands/stock-left";

export function ProductPage(props: { product: ProductView; now: number; origin: string }) {
  const { product: p, now, origin } = props;
  const phase = flashPhase(p, now);
  const { price_cents, flash } = currentUnitPrice(p, now);
  const soldOut = !flash && p.stock === 0;
  const url = `${origin}/p/${p.id}`;
  const description = `${formatCny(price_cents)} · ${p.description}`.slice(0, 160);
  const share = { url: `/p/${p.id}`, title: p.title };
  return (
    <Layout
      meta={{ title: p.title, description, url, image: new URL(p.image_url || "/img/logo.svg", origin).href }}
      islands
    >
      <main class="wrap" style="padding:0">
        <div class="hero">
          <img src={p.image_url} alt={p.title} width="720" height="720" />
        </div>
        {(phase === "live" || phase === "upcoming") && p.flash_sale && (
          <div class="sale-bar">
            <span>
              ⚡ {t.flashSale} <Price cents={p.flash_sale.price_cents} />
            </span>
            {island(Countdown, {
              until: phase === "live" ? p.flash_sale.ends_at : p.flash_sale.starts_at,
              label: phase === "live" ? t.endsIn : t.startsIn,
              now,
            })}
            {phase === "live" && island(StockLeft, { productId: p.id, stock: p.flash_sale.stock })}
          </div>
        )}
        <section class="panel">
          <Price cents={price_cents} wasCents={flash ? p.price_cents : undefined} big />
          <h1 style="font-size:18px;margin:6px 0">{p.title}</h1>
          {p.bargain && (
            <div class="muted">
              <span class="tag">{t.bargainable}</span>
              {t.bargainFrom(formatCny(p.bargain.floor_cents))}
            </div>
          )}
          {p.bargain && (
            <div class="start-bargain">
              {island(StartBargainButton, { productId: p.id, label: t.bargainStart(formatCny(p.bargain.floor_cents)) })}
            </div>
          )}
        </section>
        <section class="panel">
          <h2 style="margin-top:0">{t.descriptionTitle}</h2>
          <p class="desc">{p.description}</p>
        </section>
        <div class="actions">
          {island(ShareButton, share)}
          {soldOut ? (
            <button class="btn" disabled>
              {t.soldOut}
            </button>
          ) : (
            <a class="btn" href={`/checkout?product_id=${p.id}`}>
              {flash ? t.flashBuy : t.buyNow}
            </a>
          )}
        </div>
      </main>
    </Layout>
  );
}
