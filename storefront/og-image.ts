// The picture a chat app draws for a shared link (og:image): a product's chat card, which the store
// draws once per version of the product (its picture, title and price) and keeps, or the store's own
// card. Every shareable page takes its og:image from here; JPEG, 750×750 or more, never SVG.
import type { ProductView } from "../core/contract/product";
import { t } from "./i18n";

export type OgImage = { url: string; width: number; height: number; alt: string; type: "image/jpeg" | "image/png" };

/** Side of a product's chat card, px. */
export const CARD_PX = 750;
/** The store's card, for pages that are no product's (public/img/, drawn by scripts/draw-pictures.mjs). */
export const STORE_CARD = { path: "/img/store-card.jpg", width: 750, height: 750 } as const;
/** Bump when the card's drawing changes, so chat apps fetch the new one. */
const CARD_LAYOUT = 1;

export type CardSubject = Pick<ProductView, "id" | "title" | "price_cents" | "image_url">;

/**
 * What a product's card shows, as a short hex fingerprint: a new title, price or cover is a new
 * card at a new URL, which chat apps have not cached yet.
 */
export function cardVersion(p: CardSubject): string {
  return fingerprint(JSON.stringify([CARD_LAYOUT, t.storeName, p.title, p.price_cents, p.image_url]));
}

export const cardPath = (p: CardSubject) => `/pictures/cards/${p.id}/${cardVersion(p)}.jpg`;

export function productOgImage(p: CardSubject, origin: string): OgImage {
  return { url: `${origin}${cardPath(p)}`, width: CARD_PX, height: CARD_PX, alt: p.title, type: "image/jpeg" };
}

export function storeOgImage(origin: string): OgImage {
  const { path, width, height } = STORE_CARD;
  return { url: `${origin}${path}`, width, height, alt: `${t.storeName} · ${t.tagline}`, type: "image/jpeg" };
}

/** 64 bits of two FNV-1a passes over the UTF-16 code units, as 16 hex digits; not for secrets. */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
