// A distributor's share links: one per target (a product, or the whole store), created on first ask.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./client";
import { links } from "./schema";
import { newShareCode } from "./share-code";

export type ShareLink = typeof links.$inferSelect;

/** D1 binds at most 100 parameters per statement: a link row binds 4, a product id 1. */
const ROWS_PER_INSERT = 20;
const IDS_PER_SELECT = 90;
const CODE_ATTEMPTS = 3;

/**
 * Creates whichever of the links are missing and returns all of them, the same codes every time,
 * in one batch (one D1 round trip). The two partial unique indexes (distributor + product,
 * distributor + whole store) make a repeated or concurrent call insert nothing. The products
 * must exist; the caller checks that they are on sale.
 * @param targets product ids, `null` for the whole store
 * @returns the links in the order of `targets`
 * @example const [storeLink, teaLink] = await ensureShareLinks(db, { distributorUserId: 7, targets: [null, 12], now })
 */
export async function ensureShareLinks(
  db: Db,
  input: { distributorUserId: number; targets: Array<number | null>; now: number },
): Promise<ShareLink[]> {
  const found = new Map<number | null, ShareLink>();
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const missing = [...new Set(input.targets)].filter((t) => !found.has(t));
    if (missing.length === 0) break;
    const rows = missing.map((productId) => ({
      code: newShareCode(),
      distributorUserId: input.distributorUserId,
      productId,
      createdAt: input.now,
    }));
    const inserts = chunk(rows, ROWS_PER_INSERT).map((part) => db.insert(links).values(part).onConflictDoNothing());
    const selects = linksOf(db, input.distributorUserId, missing);
    const results = await db.batch([...inserts, ...selects] as unknown as [
      BatchItem<"sqlite">,
      ...BatchItem<"sqlite">[],
    ]);
    for (const link of results.slice(inserts.length).flat() as ShareLink[]) found.set(link.productId, link);
    // a target still missing drew a code another link holds (the primary key refused it): draw again
  }
  return input.targets.map((t) => {
    const link = found.get(t);
    if (!link) throw new Error(`no free link code after ${CODE_ATTEMPTS} draws`);
    return link;
  });
}

/** Reads that each use one of the partial unique indexes (a plain distributor filter would scan). */
function linksOf(db: Db, distributorUserId: number, targets: Array<number | null>) {
  const productIds = targets.filter((t): t is number => t !== null);
  const selects = chunk(productIds, IDS_PER_SELECT).map((ids) =>
    db
      .select()
      .from(links)
      .where(and(eq(links.distributorUserId, distributorUserId), inArray(links.productId, ids))),
  );
  if (targets.includes(null)) {
    selects.push(
      db
        .select()
        .from(links)
        .where(and(eq(links.distributorUserId, distributorUserId), isNull(links.productId))),
    );
  }
  return selects;
}

function chunk<T>(items: T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}
