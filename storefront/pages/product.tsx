// The product page a chat link lands on: pictures, price (and the live sale), story, buy and share.
// Shopper-neutral HTML (the same for everyone, so it can be cached): what is personal, the share
// sheet's poster, is a picture its own URL resolves per visitor.
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
import { StockLeft } from "../islands/stock-left";
import { productOgImage } from "../og-image";

export type ProductPageProps = {
  product: ProductView;
  now: number;
  origin: string;
  /** Why starting a bargain did not work, when the visitor was sent back here (a refusal's code). */
  bargainRefused?: string;
};

export function ProductPage(props: ProductPageProps) {
  const { product: p, now, origin } = props;
  const phase = flashPhase(p, now);
  const { price_cents, flash } = currentUnitPrice(p, now);
  const soldOut = !flash && p.stock === 0;
  const url = `${origin}/p/${p.id}`;
  const description = `${formatCny(price_cents)} · ${p.description}`.slice(0, 160);
  const pictures = p.images.length > 0 ? p.images : [p.image_url];
  return (
    <Layout
      meta={{ title: p.title, description, url, image: productOgImage(p, origin), type: "product" }}
      islands
      styles={p.group ? GROUP_STYLES : undefined}
    >
      <main class="wrap" style="padding:0">
        <div
          class="hero"
          {...(pictures.length > 1 ? { tabIndex: 0, role: "region", "aria-label": t.productPictures } : {})}
        >
          {pictures.map((src, i) => (
            <img
              src={src}
              alt={i === 0 ? p.title : t.productPicture(i + 1, pictures.length)}
              width="720"
              height="720"
              // the cover is the page's largest picture: fetched first; the others when scrolled to
              loading={i === 0 ? "eager" : "lazy"}
              fetchpriority={i === 0 ? "high" : undefined}
            />
          ))}
        </div>
        {(phase === "live" || phase === "upcoming") && p.flash_sale && (
          <div class="sale-bar">
            <span>
              <span aria-hidden="true">⚡</span> {t.flashSale} <Price cents={p.flash_sale.price_cents} />
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
            <>
              <div class="muted">
                <span class="tag">{t.bargainable}</span>
                {t.bargainFrom(formatCny(p.bargain.floor_cents))}
              </div>
              {/* a plain form: it works before any script has loaded, and with none */}
              <form class="start-bargain" method="post" action={`/p/${p.id}/bargain`}>
                <button type="submit" class="btn btn-gold btn-big">
                  {t.bargainStart(formatCny(p.bargain.floor_cents))}
                </button>
              </form>
            </>
          )}
          {props.bargainRefused && (
            <p class="error" role="alert">
              {props.bargainRefused === "bargain_not_allowed" ? t.bargainNotAllowed : t.bargainStartFailed}
            </p>
          )}
        </section>
        {/* the groups to join change by the second: read by the island, never part of this page's HTML */}
        {p.group && island(OpenGroups, { productId: p.id })}
        <section class="panel">
          <h2 style="margin-top:0">{t.descriptionTitle}</h2>
          <p class="desc">{p.description}</p>
        </section>
        <div class="actions">
          <ShareSheet product={p} url={url} />
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

/**
 * 分享: the poster to long-press or save, and the link to copy, in a sheet that opens without a
 * script. The poster's URL answers each visitor with theirs (a distributor's carries their link).
 */
function ShareSheet({ product: p, url }: { product: ProductView; url: string }) {
  const poster = `/p/${p.id}/poster.png`;
  return (
    <details class="share-sheet">
      <summary class="btn btn-ghost">{t.share}</summary>
      <div class="sheet">
        <img src={poster} alt={t.posterAlt(p.title)} width="750" height="1334" loading="lazy" />
        <a class="btn" href={poster} download={`${p.slug}-poster.png`}>
          {t.posterSave}
        </a>
        <p class="muted">
          {t.posterLongPress} <a href="/me">{t.posterBecome}</a>
        </p>
        <label class="link-label">
          {t.productLink}
          <input class="link-url" value={url} readOnly />
        </label>
        {island(ShareButton, { url: `/p/${p.id}`, title: p.title, label: t.shareToFriends })}
      </div>
    </details>
  );
}
