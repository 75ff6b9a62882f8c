// What each line of an order costs: the flash price inside its window while sale stock lasts,
// the bargain floor for a finished bargain, the list price otherwise. A sale unit is also a unit
// of the product's stock, so it takes from both. Wallet cash may pay up to 100% of the item total.
import type { ProductView } from "../schemas/product";
import { currentUnitPrice } from "./flash-sale";

export type PricedLine = {
  product_id: number;
  quantity: number;
  unit_price_cents: number;
  from_flash_stock: boolean;
  commission_bp: number;
  commission_l2_bp: number;
};

export type PricingProblem = { code: "out_of_stock"; product_id: number };

/** @returns the priced lines, or the first line whose stock cannot cover it. */
export function priceLines(
  items: Array<{ product: ProductView; quantity: number }>,
  nowMs: number,
  bargainFloorCents: number | null,
): PricedLine[] | PricingProblem {
  const lines: PricedLine[] = [];
  for (const { product, quantity } of items) {
    const { price_cents, flash } = currentUnitPrice(product, nowMs);
    const useFlash = flash && bargainFloorCents === null;
    // a shopper who pressed "buy" at the sale price is refused rather than charged the list price
    const available = availableStock(product, useFlash);
    if (available < quantity) return { code: "out_of_stock", product_id: product.id };
    lines.push({
      product_id: product.id,
      quantity,
      unit_price_cents: bargainFloorCents ?? (useFlash ? price_cents : product.price_cents),
      from_flash_stock: useFlash,
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
