// The wallet is an append-only ledger; a balance is its sum.
import { eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { walletLedger } from "./schema";

export async function getWalletBalance(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ cents: sql<number>`coalesce(sum(${walletLedger.amountCents}), 0)` })
    .from(walletLedger)
    .where(eq(walletLedger.userId, userId));
  return row?.cents ?? 0;
}
