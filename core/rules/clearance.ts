// The clearance zone (品牌清仓): how deep a product's clearance discount is, and the zone's order.

/** The discount of a clearance price off the list price, in basis points (a ¥100 item at ¥35: 6500). */
export function clearanceDiscountBp(listCents: number, clearanceCents: number): number {
  if (listCents <= 0) return 0;
  return Math.round(((listCents - clearanceCents) * 10_000) / listCents);
}

type OnClearance = { id: number; price_cents: number; clearance: { price_cents: number } | null };

/** Products marked for clearance, deepest discount first; equal discounts by id, so the order is stable. */
export function clearanceZone<P extends OnClearance>(products: P[]): P[] {
  const bp = (p: P) => clearanceDiscountBp(p.price_cents, p.clearance!.price_cents);
  return products.filter((p) => p.clearance !== null).sort((a, b) => bp(b) - bp(a) || a.id - b.id);
}
