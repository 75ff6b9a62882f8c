// The pictures the store draws and keeps in R2: a product's chat card (JPEG) and a poster (PNG).
// Each is drawn once, on the first request for its version, by the lazily loaded renderer; every
// request after that is an R2 read.
import type { ProductView } from "../../core/contract/product";
import { coverOf } from "../../core/rules/product-pictures";
import { formatCny } from "../../storefront/format";
import { t } from "../../storefront/i18n";
import { STORE_CARD, cardVersion, fingerprint } from "../../storefront/og-image";
import { loadRenderer } from "../picture-renderer";
import { productPhotoPng } from "./product-photo";

type Bindings = Pick<Env, "IMAGES" | "PICTURES" | "ASSETS">;

/** The product picture's square on posters and cards (the renderer's PHOTO_SIZE). */
const PHOTO_PX = 750;
/** Bump when the poster's drawing changes. */
const POSTER_LAYOUT = 1;
const CARD_JPEG_QUALITY = 85;

async function kept(env: Bindings, key: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const object = await env.PICTURES.get(key);
  return object ? new Uint8Array(await object.arrayBuffer()) : null;
}

/** A product's chat card, 750×750 JPEG: its picture, title and list price. */
export async function chatCardJpeg(env: Bindings, product: ProductView): Promise<Uint8Array<ArrayBuffer>> {
  const key = `cards/${product.id}/${cardVersion(product)}.jpg`;
  const card = await kept(env, key);
  if (card) return card;
  const [renderer, photoPng] = await Promise.all([loadRenderer(), productPhotoPng(env, product.image_url, PHOTO_PX)]);
  const png = await renderer.cardPng(env.ASSETS, {
    storeName: t.storeName,
    title: product.title,
    price: formatCny(product.price_cents),
    photoPng,
  });
  // JPEG: a tenth of the PNG's bytes, which chat apps fetch on slow networks too
  const jpeg = await env.IMAGES.input(new Blob([png]).stream()).output({
    format: "image/jpeg",
    quality: CARD_JPEG_QUALITY,
  });
  const bytes = new Uint8Array(await jpeg.response().arrayBuffer());
  await env.PICTURES.put(key, bytes, { httpMetadata: { contentType: "image/jpeg" } });
  return bytes;
}

export type PosterSubject = {
  /** What its QR code opens: a distributor's short link, or the product page. */
  url: string;
  title: string;
  priceCents: number | null;
  /** The distributor who shares it; null: nobody's link. */
  nickname: string | null;
  /** The product's cover, or the store's card; null: no picture. */
  cover: string | null;
};

/** A product's poster (its title, list price and cover) or, with no product, the whole store's. */
export function posterSubject(
  url: string,
  product: { title: string; priceCents: number; images: readonly string[] } | null,
  nickname: string | null,
): PosterSubject {
  if (!product) return { url, title: t.tagline, priceCents: null, nickname, cover: STORE_CARD.path };
  return { url, title: product.title, priceCents: product.priceCents, nickname, cover: coverOf(product.images) };
}

/** A poster, 750×1334 PNG, kept under what it shows: a new price or nickname is a new poster. */
export async function posterPng(env: Bindings, subject: PosterSubject): Promise<Uint8Array<ArrayBuffer>> {
  const key = `posters/${fingerprint(JSON.stringify([POSTER_LAYOUT, t.storeName, subject]))}.png`;
  const poster = await kept(env, key);
  if (poster) return poster;
  const [renderer, photoPng] = await Promise.all([
    loadRenderer(),
    subject.cover ? productPhotoPng(env, subject.cover, PHOTO_PX) : null,
  ]);
  const png = await renderer.posterPng(env.ASSETS, {
    storeName: t.storeName,
    title: subject.title,
    price: subject.priceCents === null ? null : formatCny(subject.priceCents),
    nickname: subject.nickname,
    url: subject.url,
    photoPng,
  });
  await env.PICTURES.put(key, png, { httpMetadata: { contentType: "image/png" } });
  return png;
}
