// Resolves a share code to its distributor and target, from memory after the first time.
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { links } from "./schema";

export type LinkTarget = { distributorUserId: number; productId: number | null };

/** Enough for every link that is being shared right now; ~100 bytes an entry, ~1 MB at most. */
export const LINK_CACHE_MAX_ENTRIES = 10_000;

// A link never changes once created, so an entry never goes stale; the isolate's lifetime bounds it.
const cache = new Map<string, LinkTarget>();

/**
 * The lookup behind every `/s/<code>` redirect: a warm isolate answers it without a D1 round trip.
 * Unknown codes are not remembered, so a link created a moment later resolves at once.
 * Past {@link LINK_CACHE_MAX_ENTRIES} the oldest entry leaves (Map keeps insertion order).
 * @returns the link's distributor and product (`null`: the whole store), or null for an unknown code
 * @example const link = await findLink(getDb(env.DB), "Xk7pQm2R")
 */
export async function findLink(db: Db, code: string): Promise<LinkTarget | null> {
  const cached = cache.get(code);
  if (cached) return cached;
  const [row] = await db
    .select({ distributorUserId: links.distributorUserId, productId: links.productId })
    .from(links)
    .where(eq(links.code, code))
    .limit(1);
  if (!row) return null;
  if (cache.size >= LINK_CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(code, row);
  return row;
}
