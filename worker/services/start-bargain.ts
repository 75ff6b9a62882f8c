// Starts a shopper's bargain on a product that allows it, its cuts drawn once, now.
import { planBargainCuts } from "../../core/rules/bargain-cuts";
import { startBargain as insertBargain, type BargainRecord } from "../../db/bargains";
import type { Db } from "../../db/client";
import { findProduct } from "../../db/products";
import { getSettings } from "../../db/settings";

const HOUR_MS = 3_600_000;

export type StartBargainResult =
  { ok: true; bargain: BargainRecord; created: boolean } | { ok: false; refusal: "not_found" | "bargain_not_allowed" };

/** @returns the new bargain, or the shopper's live one on this product (`created: false`). */
export async function startBargain(
  db: Db,
  userId: number,
  productId: number,
  now: number,
): Promise<StartBargainResult> {
  const [product, settings] = await Promise.all([
    findProduct(db, productId, { activeOnly: false }),
    getSettings(db, now),
  ]);
  if (!product) return { ok: false, refusal: "not_found" };
  const { bargainFloorCents: floorCents, bargainHelpers: helpers } = product;
  if (!product.active || floorCents === null || helpers === null) return { ok: false, refusal: "bargain_not_allowed" };
  const started = await insertBargain(db, {
    userId,
    product,
    floorCents,
    cutsCents: planBargainCuts(product.priceCents - floorCents, helpers),
    now,
    ttlMs: settings.bargain_ttl_hours * HOUR_MS,
  });
  return started ? { ok: true, ...started } : { ok: false, refusal: "bargain_not_allowed" };
}
