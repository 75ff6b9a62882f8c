// Distributors: who sells through links, and who recruited them.
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { distributors } from "./schema";

export type Distributor = typeof distributors.$inferSelect;

export async function findDistributor(db: Db, userId: number): Promise<Distributor | null> {
  const [row] = await db.select().from(distributors).where(eq(distributors.userId, userId)).limit(1);
  return row ?? null;
}
