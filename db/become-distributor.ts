// Makes a user a distributor once, with a fresh code and the recruiter who invited them.
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import type { Distributor } from "./distributors";
import { distributors } from "./schema";
import { newShareCode } from "./share-code";

/** A fresh code colliding with a taken one is a 1-in-10^13 event; three draws make it impossible in practice. */
const CODE_ATTEMPTS = 3;

/**
 * Inserts the distributor row unless the user already has one, then reads it back, in one batch.
 * A repeated or concurrent call returns the existing row: its code and recruiter never change.
 * @returns the distributor, and whether this call created it
 * @example const { distributor, created } = await becomeDistributor(db, { userId: 7, recruiterUserId: 3, now })
 */
export async function becomeDistributor(
  db: Db,
  input: { userId: number; recruiterUserId: number | null; now: number },
): Promise<{ distributor: Distributor; created: boolean }> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const [inserted, [row]] = await db.batch([
      // one row per user (primary key): a second call, or a racing one, inserts nothing
      db
        .insert(distributors)
        .values({
          userId: input.userId,
          code: newShareCode(),
          recruiterUserId: input.recruiterUserId,
          createdAt: input.now,
        })
        .onConflictDoNothing()
        .returning({ userId: distributors.userId }),
      db.select().from(distributors).where(eq(distributors.userId, input.userId)).limit(1),
    ]);
    if (row) return { distributor: row, created: inserted.length > 0 };
    // no row and nothing inserted: the drawn code belonged to someone else; draw again
  }
  throw new Error(`no free distributor code after ${CODE_ATTEMPTS} draws`);
}
