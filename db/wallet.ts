// The wallet is an append-only ledger; a balance is its sum, and no write can take it below zero
// (the ledger's trigger in migrations/0001 aborts any batch that would).
import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "./client";
import { walletLedger } from "./schema";

type LedgerKind = (typeof walletLedger.$inferInsert)["kind"];

/** One ledger row as an `INSERT ... SELECT` source, in the table's column order (id left to SQLite). */
const ledgerRow = (userId: number, amountCents: number, kind: LedgerKind, orderId: string | null, now: number) =>
  sql`SELECT NULL, ${userId}, ${amountCents}, ${kind}, ${orderId}, ${now}`;

const spendOf = (orderId: string) => sql`${walletLedger.orderId} = ${orderId} AND ${walletLedger.kind} = 'spend'`;

/** The balance as a query that can also sit inside a `db.batch([...])`; it answers `[{ cents }]`. */
export function walletBalanceQuery(db: Db, userId: number) {
  return db
    .select({ cents: sql<number>`coalesce(sum(${walletLedger.amountCents}), 0)` })
    .from(walletLedger)
    .where(eq(walletLedger.userId, userId));
}

export async function getWalletBalance(db: Db, userId: number): Promise<number> {
  const [row] = await walletBalanceQuery(db, userId);
  return row?.cents ?? 0;
}

/**
 * A credit to the wallet (a check-in's cash, a merchant's adjustment) as one statement for a
 * `db.batch([...])`, written only while `onlyIf` holds when the statement runs.
 * @returns the statement; it answers `[{ id, amountCents }]` when it wrote the credit, `[]` when not
 * @example
 * db.batch([creditWalletStatement(db, { userId, amountCents: 450, kind: "checkin", now, onlyIf: sql`NOT EXISTS (...)` }), ...])
 */
export function creditWalletStatement(
  db: Db,
  credit: { userId: number; amountCents: number; kind: "checkin" | "adjust"; now: number; onlyIf?: SQL },
) {
  if (!Number.isInteger(credit.amountCents) || credit.amountCents < 0) {
    throw new RangeError(`A credit is a whole, non-negative number of cents, got ${credit.amountCents}`);
  }
  return db
    .insert(walletLedger)
    .select(
      sql`${ledgerRow(credit.userId, credit.amountCents, credit.kind, null, credit.now)} WHERE ${credit.onlyIf ?? sql`1`}`,
    )
    .returning({ id: walletLedger.id, amountCents: walletLedger.amountCents });
}

/**
 * An order's spend of wallet cash, as a `spend` row of -amount for the order's `db.batch([...])`.
 * Never below zero: the ledger's trigger (migrations/0001) aborts the whole batch — the order
 * that tried to spend included — with `insufficient_wallet` when the balance does not cover it,
 * and the unique index on (order_id, kind) refuses a second spend for the same order.
 * @example await db.batch([db.insert(orders).values(o), spendWalletStatement(db, { userId, orderId, amountCents: 200, now })])
 */
export function spendWalletStatement(
  db: Db,
  spend: { userId: number; orderId: string; amountCents: number; now: number },
) {
  if (!Number.isInteger(spend.amountCents) || spend.amountCents <= 0) {
    throw new RangeError(`A spend is a whole, positive number of cents, got ${spend.amountCents}`);
  }
  return db.insert(walletLedger).values({
    userId: spend.userId,
    amountCents: -spend.amountCents,
    kind: "spend",
    orderId: spend.orderId,
    createdAt: spend.now,
  });
}

/**
 * Gives an order's wallet spend back (order cancelled or refunded): a `refund` row of +amount,
 * once per order whatever the number of calls (unique index on order_id, kind). Batchable.
 * @param onlyIf written only while this holds when the statement runs (the order's move applied)
 * @returns the statement; it answers `[{ id, amountCents }]` when it refunded, `[]` when there was
 *   no spend, it was already refunded, or `onlyIf` did not hold
 */
export function refundWalletSpendStatement(db: Db, orderId: string, now: number, onlyIf: SQL = sql`1`) {
  return db
    .insert(walletLedger)
    .select(
      sql`SELECT NULL, ${walletLedger.userId}, -${walletLedger.amountCents}, 'refund', ${walletLedger.orderId}, ${now}
          FROM ${walletLedger} WHERE ${spendOf(orderId)} AND ${onlyIf}`,
    )
    .onConflictDoNothing()
    .returning({ id: walletLedger.id, amountCents: walletLedger.amountCents });
}

/** The same for every order a subquery of order ids selects (a failed group's refunded orders), once each. */
export function refundWalletSpendsStatement(db: Db, orderIds: SQL, now: number) {
  return db
    .insert(walletLedger)
    .select(
      sql`SELECT NULL, user_id, -amount_cents, 'refund', order_id, ${now}
          FROM wallet_ledger WHERE kind = 'spend' AND order_id IN ${orderIds}`,
    )
    .onConflictDoNothing();
}

/** @returns the cents given back now; 0 when the order spent nothing or was refunded already. */
export async function refundWalletSpend(db: Db, orderId: string, now: number): Promise<number> {
  const rows = await refundWalletSpendStatement(db, orderId, now);
  return rows.reduce((sum, r) => sum + r.amountCents, 0);
}
