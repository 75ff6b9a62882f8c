// The product page a chat link lands on: picture, price (and the live sale), story, buy and share.
import type { ProductView } from "../../core/contract/product";
import { currentUnitPrice, flashPhase } from "../../core/rules/flash-sale";
import { island } from "../components/island";
import { Layout } from "../components/layout";
import { Price } from "../components/price";
import { formatCny } from "../format";
import { GROUP_STYLES } from "../group-styles";
import { t } from "../i18n";
import { Countdown } from "../islands/countdown";
import { OpenGroups } from "../islands/open-groups";
import { ShareButton } from "../islands/share-button";
import { StartBargainButton } from "../islands/start-bargain-button";
import { StockLeft } from "../islands/stock-left";

/** The picture of a product's chat card; every page shared for a product (its group's too) shows this one. */
export const productCardImage = (p: ProductView, origin: string) =>
  new URL(p.image_url || "/img/logo.svg", origin).href;

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
      meta={{ title: p.title, description, url, image: productCardImage(p, origin) }}
      islands
      styles={p.group ? GROUP_STYLES : undefined}
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
          <Price cents={price_cents} wasCents={price_cents < p.price_cents ? p.price_cents : undefined} big />
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
        {/* the groups to join change by the second: read by the island, never part of this page's HTML */}
        {p.group && island(OpenGroups, { productId: p.id })}
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
          ) : p.group ? (
            <>
              <a class="btn btn-ghost btn-duo" href={`/checkout?product_id=${p.id}`}>
                <b>{formatCny(price_cents)}</b>
                <small>{t.groupBuyAlone}</small>
              </a>
              <a class="btn btn-duo" href={`/checkout?product_id=${p.id}&group=open`}>
                <b>{formatCny(p.group.price_cents)}</b>
                <small>{`${t.groupOpen}（${t.groupSize(p.group.size)}）`}</small>
              </a>
            </>
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
