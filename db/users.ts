// Accounts and the login throttle.
import { and, count, eq, gt } from "drizzle-orm";
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
    .values({ phone: fields.phone, passwordHash: fields.passwordHash, nickname: fields.nickname, createdAt: fields.now })
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
