// Accounts and the login throttle.
import { and, count, eq, gt, inArray, lt } from "drizzle-orm";
import type { Db } from "./client";
import { loginFailures, users } from "./schema";

export type User = typeof users.$inferSelect;

/** @returns the new user, or null when the phone is taken (the unique index decides, not a read). */
export async function insertUser(
  db: Db,
  fields: { phone: string; passwordHash: string; nickname: string; now: number },
): Promise<User | null> {
  const [row] = await db
    .insert(users)
    .values({
      phone: fields.phone,
      passwordHash: fields.passwordHash,
      nickname: fields.nickname,
      createdAt: fields.now,
    })
    .onConflictDoNothing({ target: users.phone })
    .returning();
  return row ?? null;
}

export async function findUserByPhone(db: Db, phone: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.phone, phone)).limit(1);
  return row ?? null;
}

/** Wrong passwords since `since`: for this phone from this address, and from this address for any phone. */
export async function countRecentLoginFailures(
  db: Db,
  k: { phone: string; address: string; since: number },
): Promise<{ phoneAndAddress: number; address: number }> {
  const [pair, address] = await db.batch([
    db
      .select({ n: count() })
      .from(loginFailures)
      .where(
        and(eq(loginFailures.phone, k.phone), eq(loginFailures.address, k.address), gt(loginFailures.at, k.since)),
      ),
    db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.address, k.address), gt(loginFailures.at, k.since))),
  ]);
  return { phoneAndAddress: pair[0]?.n ?? 0, address: address[0]?.n ?? 0 };
}

export async function recordLoginFailure(db: Db, f: { phone: string; address: string; at: number }): Promise<void> {
  await db.insert(loginFailures).values(f);
}

/** Forgets failures older than any throttle looks back. */
export async function deleteLoginFailuresBefore(db: Db, before: number): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, before));
}

/** @returns each user's nickname by id, in one query. */
export async function findNicknames(db: Db, userIds: number[]): Promise<Map<number, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, nickname: users.nickname }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.nickname]));
}
