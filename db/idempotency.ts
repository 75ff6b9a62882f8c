// Idempotency-Key records of the money-moving POSTs other than placing an order (whose key is written
// with the order itself, db/create-order.ts): claim a key, store its answer, replay it, forget old ones.
import { and, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "./client";
import { idempotencyKeys, idempotentRequests } from "./schema";

export type IdempotencyClaim =
  /**
   * The key is this request's to run. `resumedFrom`: it was taken over from a request a crash cut,
   * which may have acted; the instant that first request claimed the key (what it wrote is no older).
   */
  | { kind: "claimed"; resumedFrom: number | null }
  /** A request under this key finished: its answer, to send again. */
  | { kind: "answered"; status: number; body: string }
  /** A request under this key is still running. */
  | { kind: "running" }
  /** The key was sent before with another method, path or body. */
  | { kind: "reused" };

type KeyRef = { scope: string; key: string };

/** The key's row while its first request has not answered yet (claimed, or cut by a crash). */
const unanswered = (k: KeyRef) =>
  and(
    eq(idempotentRequests.scope, k.scope),
    eq(idempotentRequests.key, k.key),
    isNull(idempotentRequests.responseStatus),
  );

/**
 * Claims `key` for this request, or says who has it. One claim wins however many arrive at once (the
 * primary key decides); a claim older than `staleBefore` without an answer was lost to a crash, and
 * the next request takes it over (compare-and-set on its claimed_at).
 */
export async function claimIdempotencyKey(
  db: Db,
  k: KeyRef & { fingerprint: string; now: number; staleBefore: number },
): Promise<IdempotencyClaim> {
  const [inserted] = await db
    .insert(idempotentRequests)
    .values({ scope: k.scope, key: k.key, fingerprint: k.fingerprint, createdAt: k.now, claimedAt: k.now })
    .onConflictDoNothing()
    .returning({ key: idempotentRequests.key });
  if (inserted) return { kind: "claimed", resumedFrom: null };
  const [row] = await db
    .select()
    .from(idempotentRequests)
    .where(and(eq(idempotentRequests.scope, k.scope), eq(idempotentRequests.key, k.key)))
    .limit(1);
  // deleted in between (by the cleanup): a new request may have it
  if (!row) return claimIdempotencyKey(db, k);
  if (row.fingerprint !== k.fingerprint) return { kind: "reused" };
  if (row.responseStatus !== null)
    return { kind: "answered", status: row.responseStatus, body: row.responseBody ?? "" };
  if (row.claimedAt >= k.staleBefore) return { kind: "running" };
  const [taken] = await db
    .update(idempotentRequests)
    .set({ claimedAt: k.now })
    .where(and(unanswered(k), eq(idempotentRequests.claimedAt, row.claimedAt)))
    .returning({ key: idempotentRequests.key });
  return taken ? { kind: "claimed", resumedFrom: row.createdAt } : { kind: "running" };
}

/** The answer a claimed key gives from now on. */
export async function saveIdempotentAnswer(db: Db, k: KeyRef & { status: number; body: string }): Promise<void> {
  await db.update(idempotentRequests).set({ responseStatus: k.status, responseBody: k.body }).where(unanswered(k));
}

/** Gives up a claim whose request did nothing (refused before acting, or failed): a retry runs afresh. */
export async function releaseIdempotencyKey(db: Db, k: KeyRef): Promise<void> {
  await db.delete(idempotentRequests).where(unanswered(k));
}

/** Forgets the keys of both kinds created before `before`. @returns how many went */
export async function deleteExpiredIdempotencyKeys(db: Db, before: number): Promise<number> {
  const [orders, requests] = await db.batch([
    db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).returning({ key: idempotencyKeys.key }),
    db
      .delete(idempotentRequests)
      .where(lt(idempotentRequests.createdAt, before))
      .returning({ key: idempotentRequests.key }),
  ]);
  return orders.length + requests.length;
}
