// Sessions live in D1; the cookie only carries their random id, signed.
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "./client";
import { sessions, users } from "./schema";

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

export type SessionUser = Pick<typeof users.$inferSelect, "id" | "phone" | "nickname" | "role">;

export async function createSession(db: Db, userId: number, now: number): Promise<string> {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const id = btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, (ch) => ({ "+": "-", "/": "_", "=": "" })[ch]!);
  await db.insert(sessions).values({ id, userId, createdAt: now, expiresAt: now + SESSION_TTL_MS });
  return id;
}

export async function findSessionUser(db: Db, sessionId: string, now: number): Promise<SessionUser | null> {
  const [row] = await db
    .select({ id: users.id, phone: users.phone, nickname: users.nickname, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
