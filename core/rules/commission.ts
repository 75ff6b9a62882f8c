// Commission: level 1 to the attributed distributor, level 2 to whoever recruited them. No deeper.

export type CommissionLine = { paid_cents: number; commission_bp: number; commission_l2_bp: number };
export type CommissionShare = { level: 1 | 2; distributor_user_id: number; amount_cents: number };

/** A line's share at a rate, rounded down to the fen: the store never pays a fraction it did not earn. */
export const shareOf = (paidCents: number, rateBp: number) => Math.floor((paidCents * rateBp) / 10_000);

/**
 * What an order pays each level, per line at the rates snapshotted on the order
 * (defaults 1000 bp = 10% and 300 bp = 3%). Zero shares are left out.
 * @example commissionShares([{ paid_cents: 9900, commission_bp: 1000, commission_l2_bp: 300 }], 7, 3)
 *   // → [{ level: 1, distributor_user_id: 7, amount_cents: 990 }, { level: 2, distributor_user_id: 3, amount_cents: 297 }]
 */
export function commissionShares(
  lines: CommissionLine[],
  distributorUserId: number | null,
  recruiterUserId: number | null,
): CommissionShare[] {
  if (distributorUserId === null) return [];
  const l1 = lines.reduce((sum, l) => sum + shareOf(l.paid_cents, l.commission_bp), 0);
  const l2 = lines.reduce((sum, l) => sum + shareOf(l.paid_cents, l.commission_l2_bp), 0);
  const shares: CommissionShare[] = [];
  if (l1 > 0) shares.push({ level: 1, distributor_user_id: distributorUserId, amount_cents: l1 });
  if (recruiterUserId !== null && recruiterUserId !== distributorUserId && l2 > 0) {
    shares.push({ level: 2, distributor_user_id: recruiterUserId, amount_cents: l2 });
  }
  return shares;
}
