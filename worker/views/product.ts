// A product row as the contract shows it: cents and basis points as stored, times as ISO 8601.
import type { ProductView } from "../../core/contract/product";
import { coverOf } from "../../core/rules/product-pictures";
import type { ProductRow } from "../../db/products";

const iso = (ms: number) => new Date(ms).toISOString();

export function toProductView(p: ProductRow): ProductView {
  const hasBargain = p.bargainFloorCents !== null && p.bargainHelpers !== null;
  const hasFlash =
    p.flashPriceCents !== null && p.flashStartsAt !== null && p.flashEndsAt !== null && p.flashStock !== null;
  const hasGroup =
    p.groupSize !== null && p.groupPriceCents !== null && p.groupHours !== null && p.groupPerUserLimit !== null;
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    description: p.description,
    image_url: coverOf(p.images),
    images: p.images,
    price_cents: p.priceCents,
    stock: p.stock,
    commission_bp: p.commissionBp,
    commission_l2_bp: p.commissionL2Bp,
    bargain: hasBargain ? { floor_cents: p.bargainFloorCents!, helpers: p.bargainHelpers! } : null,
    flash_sale: hasFlash
      ? {
          price_cents: p.flashPriceCents!,
          starts_at: iso(p.flashStartsAt!),
          ends_at: iso(p.flashEndsAt!),
          stock: p.flashStock!,
        }
      : null,
    group: hasGroup
      ? {
          size: p.groupSize!,
          price_cents: p.groupPriceCents!,
          hours: p.groupHours!,
          per_user_limit: p.groupPerUserLimit!,
          virtual_fill_at: p.groupVirtualFillAt,
        }
      : null,
    clearance: p.clearancePriceCents === null ? null : { price_cents: p.clearancePriceCents },
    active: p.active,
  };
}
