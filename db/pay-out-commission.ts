// Marks a distributor's whole available commission as paid out: a pair of ledger entries.
import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Db } from "./client";
import { commissionLedger } from "./schema";

/** A payout spans both commission levels; level 0 says so in the ledger. */
const PAYOUT_LEVEL = 0;

/**
 * Moves everything available to paid_out: `paid_out +X` and `available −X` (event `payout`, no
 * order), both computed in SQL inside one batch, which D1 runs as one transaction. Two payouts
 * at once run one after the other: the second sees the balance at 0 and writes nothing.
 * @returns the amount paid out, 0 when nothing was available
 */
export async function payOutCommission(db: Db, distributorUserId: number, now: number): Promise<number> {
  // -- never pays more than the balance: X is the available sum, read in the same transaction
  const available = sql`(SELECT coalesce(sum(amount_cents), 0) FROM commission_ledger
    WHERE distributor_user_id = ${distributorUserId} AND bucket = 'available')`;
  const entry = (bucket: "paid_out" | "available", sign: 1 | -1) =>
    db
      .insert(commissionLedger)
      .select(
        sql`SELECT NULL, ${distributorUserId}, NULL, ${PAYOUT_LEVEL}, ${bucket}, 'payout', ${sign} * ${available}, ${now}
            WHERE ${available} > 0`,
      )
      .returning({ amountCents: commissionLedger.amountCents });
  // paid_out first: it leaves the available sum unchanged, so the second entry reads the same X
  const [paid] = await db.batch([entry("paid_out", 1), entry("available", -1)]);
  return paid[0]?.amountCents ?? 0;
}

/** The latest payout to this distributor written at or after `since`: its amount and time; null when none. */
export async function findPayoutSince(
  db: Db,
  distributorUserId: number,
  since: number,
): Promise<{ amountCents: number; createdAt: number } | null> {
  const [row] = await db
    .select({ amountCents: commissionLedger.amountCents, createdAt: commissionLedger.createdAt })
    .from(commissionLedger)
    .where(
      and(
        eq(commissionLedger.distributorUserId, distributorUserId),
        eq(commissionLedger.event, "payout"),
        eq(commissionLedger.bucket, "paid_out"),
        gte(commissionLedger.createdAt, since),
      ),
    )
    .orderBy(desc(commissionLedger.createdAt))
    .limit(1);
  return row ?? null;
}
