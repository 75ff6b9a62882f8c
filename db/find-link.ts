// Resolves a share code to its distributor and target, from memory after the first time.
// One hand-written statement, not drizzle: the short-link Worker (worker/short-links.ts) runs this and
// nothing else of db/, and drizzle with the schema would be most of its bundle (BENCHMARKS.md, a cold
// isolate). tests/links.test.ts checks the statement against the schema's table.

export type LinkTarget = { distributorUserId: number; productId: number | null };

/** Enough for every link that is being shared right now; ~100 bytes an entry, ~1 MB at most. */
export const LINK_CACHE_MAX_ENTRIES = 10_000;

/** `links` by its primary key (db/schema/sharing.ts). */
export const FIND_LINK_SQL =
  'SELECT "distributor_user_id" AS distributorUserId, "product_id" AS productId FROM "links" WHERE "code" = ?1 LIMIT 1';

// A link never changes once created, so an entry never goes stale; the isolate's lifetime bounds it.
const cache = new Map<string, LinkTarget>();

/**
 * The lookup behind every `/s/<code>` redirect: a warm isolate answers it without a D1 round trip.
 * Unknown codes are not remembered, so a link created a moment later resolves at once.
 * Past {@link LINK_CACHE_MAX_ENTRIES} the oldest entry leaves (Map keeps insertion order).
 * @param d1 the binding, or a Sessions API session of it (a drizzle handle's `$client`)
 * @returns the link's distributor and product (`null`: the whole store), or null for an unknown code
 * @example const link = await findLink(env.DB, "Xk7pQm2R")
 */
export async function findLink(d1: D1Database | D1DatabaseSession, code: string): Promise<LinkTarget | null> {
  const cached = cache.get(code);
  if (cached) return cached;
  const row = await d1.prepare(FIND_LINK_SQL).bind(code).first<LinkTarget>();
  if (!row) return null;
  const target = { distributorUserId: row.distributorUserId, productId: row.productId };
  if (cache.size >= LINK_CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(code, target);
  return target;
}
