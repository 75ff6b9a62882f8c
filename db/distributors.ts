// Distributors: who sells through links, and who recruited them.
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { distributors, users } from "./schema";

export type Distributor = typeof distributors.$inferSelect;

export async function findDistributor(db: Db, userId: number): Promise<Distributor | null> {
  const [row] = await db.select().from(distributors).where(eq(distributors.userId, userId)).limit(1);
  return row ?? null;
}

/** The distributor behind an invite code, with the nickname an invitee sees. */
export async function findDistributorByCode(
  db: Db,
  code: string,
): Promise<(Distributor & { nickname: string }) | null> {
  const [row] = await db
    .select({ distributor: distributors, nickname: users.nickname })
    .from(distributors)
    .innerJoin(users, eq(users.id, distributors.userId))
    .where(eq(distributors.code, code))
    .limit(1);
  return row ? { ...row.distributor, nickname: row.nickname } : null;
}
