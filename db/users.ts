// Accounts and the login throttle.
import { and, count, eq, gt, inArray } from "drizzle-orm";
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

export async function countRecentLoginFailures(db: Db, phone: string, since: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.phone, phone), gt(loginFailures.at, since)));
  return row?.n ?? 0;
}

export async function recordLoginFailure(db: Db, phone: string, at: number): Promise<void> {
  await db.insert(loginFailures).values({ phone, at });
}

/** @returns each user's nickname by id, in one query. */
export async function findNicknames(db: Db, userIds: number[]): Promise<Map<number, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, nickname: users.nickname }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.nickname]));
}
