// Stripe events the store has applied: each event id once, whatever Stripe redelivers.
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { stripeEvents } from "./schema";

/**
 * Records an event as applied; batchable, so it commits with what the event did. A second
 * delivery inserts nothing.
 * @returns the statement; it answers `[{ id }]` when the event is new, `[]` when it was applied before
 */
export function recordStripeEventStatement(db: Db, event: { id: string; type: string }, now: number) {
  return db
    .insert(stripeEvents)
    .values({ id: event.id, type: event.type, processedAt: now })
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id });
}

export async function isStripeEventApplied(db: Db, eventId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: stripeEvents.id })
    .from(stripeEvents)
    .where(eq(stripeEvents.id, eventId))
    .limit(1);
  return row !== undefined;
}
