// A bargain as the contract shows it: its status at a moment and the page to share, on this origin.
import type { BargainView } from "../../core/contract/bargain";
import { bargainStatus } from "../../core/rules/bargain-status";
import type { BargainRecord } from "../../db/bargains";

export function toBargainView(b: BargainRecord, nowMs: number, origin: string): BargainView {
  return {
    id: b.id,
    product_id: b.productId,
    status: bargainStatus(b, nowMs),
    price_cents: b.priceCents,
    floor_cents: b.floorCents,
    current_cents: b.currentCents,
    helpers_needed: b.helpersNeeded,
    helper_count: b.helperCount,
    expires_at: new Date(b.expiresAt).toISOString(),
    share_url: `${origin}/b/${b.id}`,
  };
}
