// What each line of an order costs: the flash price inside its window while sale stock lasts,
// the bargain floor for a finished bargain, the group price for a group order, the clearance price
// of a product on clearance, the list price otherwise. A sale unit is also a unit
// of the product's stock, so it takes from both. Wallet cash may pay up to 100% of the item total.
import type { ProductView } from "../contract/product";
import { currentUnitPrice } from "./flash-sale";

/** One unit's price now, which stock it takes from, and how many units that stock holds. */
export type LineQuote = { unit_price_cents: number; from_flash_stock: boolean; available: number };

export type PricedLine = {
  product_id: number;
  quantity: number;
  unit_price_cents: number;
  from_flash_stock: boolean;
  commission_bp: number;
  commission_l2_bp: number;
};

export type PricingProblem = { code: "out_of_stock"; product_id: number };

/**
 * The price a shopper pays for a unit of `product` now, as the checkout shows it and the order
 * charges it: a fixed price when there is one (the bargain floor of a finished bargain, a group's
 * price), which takes from the product's own stock; else the live flash price, else the clearance
 * or list price.
 */
export function quoteLine(product: ProductView, nowMs: number, fixedPriceCents: number | null): LineQuote {
  const { price_cents, flash } = currentUnitPrice(product, nowMs);
  const fromFlash = flash && fixedPriceCents === null;
  return {
    unit_price_cents: fixedPriceCents ?? price_cents,
    from_flash_stock: fromFlash,
    available: availableStock(product, fromFlash),
  };
}

/** @returns the priced lines, or the first line whose stock cannot cover it. */
export function priceLines(
  items: Array<{ product: ProductView; quantity: number }>,
  nowMs: number,
  fixedPriceCents: number | null,
): PricedLine[] | PricingProblem {
  const lines: PricedLine[] = [];
  for (const { product, quantity } of items) {
    const quote = quoteLine(product, nowMs, fixedPriceCents);
    // a shopper who pressed "buy" at the sale price is refused rather than charged the list price
    if (quote.available < quantity) return { code: "out_of_stock", product_id: product.id };
    lines.push({
      product_id: product.id,
      quantity,
      unit_price_cents: quote.unit_price_cents,
      from_flash_stock: quote.from_flash_stock,
      commission_bp: product.commission_bp,
      commission_l2_bp: product.commission_l2_bp,
    });
  }
  return lines;
}

/** How many units can be bought at once: a sale unit is also a product unit, so both must have it. */
export function availableStock(product: ProductView, atFlashPrice: boolean): number {
  return atFlashPrice ? Math.min(product.flash_sale!.stock, product.stock) : product.stock;
}

export const subtotalOf = (lines: PricedLine[]) => lines.reduce((n, l) => n + l.unit_price_cents * l.quantity, 0);

/** Wallet cash can pay for the whole item total, never more. */
export const maxWalletSpend = (subtotalCents: number) => subtotalCents;
