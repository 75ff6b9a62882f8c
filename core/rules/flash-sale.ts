// Whether a product's flash sale is on at a moment, and what it means for the price shown.
import type { ProductView } from "../contract/product";

export type FlashPhase = "none" | "upcoming" | "live" | "ended";

export function flashPhase(p: ProductView, nowMs: number): FlashPhase {
  if (!p.flash_sale) return "none";
  if (nowMs < Date.parse(p.flash_sale.starts_at)) return "upcoming";
  if (nowMs >= Date.parse(p.flash_sale.ends_at)) return "ended";
  return "live";
}

/**
 * The price a shopper pays for one unit now: the sale price while the sale is live and has stock,
 * else the clearance price of a product marked for clearance, else the list price.
 */
export function currentUnitPrice(p: ProductView, nowMs: number): { price_cents: number; flash: boolean } {
  if (p.flash_sale && flashPhase(p, nowMs) === "live" && p.flash_sale.stock > 0) {
    return { price_cents: p.flash_sale.price_cents, flash: true };
  }
  return { price_cents: p.clearance?.price_cents ?? p.price_cents, flash: false };
}
