// Bargains: starting one, reading it with its helpers, the atomic help, and what an order may buy.
import { and, asc, count, desc, eq, exists, gt, lt, ne, not, sql } from "drizzle-orm";
import { customAlphabet } from "nanoid";
import { bargainStatus, helpRefusal, type HelpRefusal } from "../core/rules/bargain-status";
import type { Db } from "./client";
import type { ProductRow } from "./products";
import { bargainHelps, bargains, products, users } from "./schema";

export type BargainRow = typeof bargains.$inferSelect;
/** A bargain, and whether an order that is not cancelled has bought it. */
export type BargainRecord = BargainRow & { purchased: boolean };

const newBargainId = customAlphabet("23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ", 12);

// orders_bargain_uniq lets one order that is not cancelled hold a bargain. Correlated subqueries
// name their columns in full: drizzle leaves them bare in a one-table select, where "id" would
// resolve to the inner table's.
const purchased =
  sql<boolean>`exists (select 1 from orders where orders.bargain_id = bargains.id and orders.status != 'cancelled')`.mapWith(
    (v) => Boolean(v),
  );

const selectRecord = (db: Db) => db.select({ row: bargains, purchased }).from(bargains);
const toRecord = ({ row, purchased }: { row: BargainRow; purchased: boolean }): BargainRecord => ({
  ...row,
  purchased,
});

/** The starter's bargain on a product that has not expired and no order holds. */
const liveBargainOf = (userId: number, productId: number, now: number) =>
  and(eq(bargains.userId, userId), eq(bargains.productId, productId), gt(bargains.expiresAt, now), not(purchased));

/**
 * Starts a bargain on an active product from its list price down to its floor, with the cuts drawn
 * already — unless the user has one on it that is still live, which is returned instead.
 * @returns the bargain and whether it is new; null when the product stopped being active
 */
export async function startBargain(
  db: Db,
  start: { userId: number; product: ProductRow; floorCents: number; cutsCents: number[]; now: number; ttlMs: number },
): Promise<{ bargain: BargainRecord; created: boolean } | null> {
  const { userId, product, floorCents, cutsCents, now } = start;
  // one live bargain per user and product: the insert and its NOT EXISTS are one statement
  const [row] = await db
    .insert(bargains)
    .select(
      db
        .select({
          id: sql<string>`${newBargainId()}`.as("id"),
          productId: products.id,
          userId: sql<number>`${userId}`.as("user_id"),
          priceCents: sql<number>`${product.priceCents}`.as("price_cents"),
          floorCents: sql<number>`${floorCents}`.as("floor_cents"),
          currentCents: sql<number>`${product.priceCents}`.as("current_cents"),
          helpersNeeded: sql<number>`${cutsCents.length}`.as("helpers_needed"),
          helperCount: sql<number>`0`.as("helper_count"),
          cutsCents: sql<string>`${JSON.stringify(cutsCents)}`.as("cuts_cents"),
          expiresAt: sql<number>`${now + start.ttlMs}`.as("expires_at"),
          createdAt: sql<number>`${now}`.as("created_at"),
        })
        .from(products)
        .where(
          and(
            eq(products.id, product.id),
            eq(products.active, true),
            not(
              exists(
                db
                  .select({ one: sql`1` })
                  .from(bargains)
                  .where(liveBargainOf(userId, product.id, now)),
              ),
            ),
          ),
        ),
    )
    .returning();
  if (row) return { bargain: { ...row, purchased: false }, created: true };
  const [live] = await selectRecord(db)
    .where(liveBargainOf(userId, product.id, now))
    .orderBy(desc(bargains.createdAt))
    .limit(1);
  return live ? { bargain: toRecord(live), created: false } : null;
}

export async function findBargain(db: Db, id: string): Promise<BargainRecord | null> {
  const [row] = await selectRecord(db).where(eq(bargains.id, id)).limit(1);
  return row ? toRecord(row) : null;
}

/** A bargain with what its page shows: the product, who started it, and every cut in order. */
export async function findBargainDetails(db: Db, id: string) {
  const [head, helpers] = await db.batch([
    db
      .select({
        row: bargains,
        purchased,
        starterNickname: users.nickname,
        productTitle: products.title,
        productImageUrl: products.imageUrl,
        // aliased: bargains has a price_cents column too, and D1's rows are keyed by column name
        productPriceCents: sql<number>`${products.priceCents}`.as("product_price_cents"),
      })
      .from(bargains)
      .innerJoin(users, eq(users.id, bargains.userId))
      .innerJoin(products, eq(products.id, bargains.productId))
      .where(eq(bargains.id, id))
      .limit(1),
    db
      .select({
        helperUserId: bargainHelps.helperUserId,
        nickname: users.nickname,
        seq: bargainHelps.seq,
        cutCents: bargainHelps.cutCents,
      })
      .from(bargainHelps)
      .innerJoin(users, eq(users.id, bargainHelps.helperUserId))
      .where(eq(bargainHelps.bargainId, id))
      .orderBy(asc(bargainHelps.seq)),
  ]);
  const [found] = head;
  if (!found) return null;
  return {
    bargain: toRecord(found),
    starterNickname: found.starterNickname,
    product: { title: found.productTitle, imageUrl: found.productImageUrl, priceCents: found.productPriceCents },
    helpers,
  };
}

/** The user's bargains, newest first, with their products' title and picture. */
export async function listUserBargains(db: Db, userId: number) {
  const rows = await db
    .select({ row: bargains, purchased, productTitle: products.title, productImageUrl: products.imageUrl })
    .from(bargains)
    .innerJoin(products, eq(products.id, bargains.productId))
    .where(eq(bargains.userId, userId))
    .orderBy(desc(bargains.createdAt), desc(sql`bargains.rowid`))
    .limit(100);
  return rows.map((r) => ({ bargain: toRecord(r), product: { title: r.productTitle, imageUrl: r.productImageUrl } }));
}

export type HelpResult =
  { ok: true; cutCents: number; bargain: BargainRecord } | { ok: false; reason: HelpRefusal | "not_found" };

/**
 * A friend's help: takes the bargain's next planned cut, or changes nothing.
 * One batch (a D1 transaction): record the help with the next cut, then advance the bargain by the
 * cut just recorded, then read back what decides the answer. Concurrent helps run one after another,
 * so the 11th of 10 helpers, a second help and the 6th help of the day insert nothing and move nothing.
 */
export async function helpBargain(
  db: Db,
  help: { bargainId: string; helperUserId: number; day: string; helpsPerDay: number; now: number },
): Promise<HelpResult> {
  const { bargainId, helperUserId, day, now } = help;
  const myHelp = and(eq(bargainHelps.bargainId, bargainId), eq(bargainHelps.helperUserId, helperUserId));
  const helpsToday = sql<number>`(select count(*) from ${bargainHelps} where ${bargainHelps.helperUserId} = ${helperUserId} and ${bargainHelps.day} = ${day})`;
  const [inserted, , [record], [mine], [today]] = await db.batch([
    // a helper helps once (primary key), never the starter, only while cuts remain and time runs,
    // at most helpsPerDay times a store day
    db
      .insert(bargainHelps)
      .select(
        db
          .select({
            bargainId: bargains.id,
            helperUserId: sql<number>`${helperUserId}`.as("helper_user_id"),
            seq: sql<number>`${bargains.helperCount} + 1`.as("seq"),
            cutCents: sql<number>`json_extract(${bargains.cutsCents}, '$[' || ${bargains.helperCount} || ']')`.as(
              "cut_cents",
            ),
            day: sql<string>`${day}`.as("day"),
            createdAt: sql<number>`${now}`.as("created_at"),
          })
          .from(bargains)
          .where(
            and(
              eq(bargains.id, bargainId),
              ne(bargains.userId, helperUserId),
              lt(bargains.helperCount, bargains.helpersNeeded),
              gt(bargains.expiresAt, now),
              lt(helpsToday, help.helpsPerDay),
            ),
          ),
      )
      .onConflictDoNothing()
      .returning({ cutCents: bargainHelps.cutCents }),
    // moves only when this helper's cut is the next one, i.e. was recorded just above;
    // the bargains_floor check would undo the batch rather than go below the floor
    db
      .update(bargains)
      .set({
        helperCount: sql`${bargains.helperCount} + 1`,
        currentCents: sql`${bargains.currentCents} - (select ${bargainHelps.cutCents} from ${bargainHelps} where ${myHelp})`,
      })
      .where(
        and(
          eq(bargains.id, bargainId),
          exists(
            db
              .select({ one: sql`1` })
              .from(bargainHelps)
              .where(and(myHelp, eq(bargainHelps.seq, sql`bargains.helper_count + 1`))),
          ),
        ),
      ),
    selectRecord(db).where(eq(bargains.id, bargainId)).limit(1),
    db.select({ cutCents: bargainHelps.cutCents }).from(bargainHelps).where(myHelp).limit(1),
    db
      .select({ n: count() })
      .from(bargainHelps)
      .where(and(eq(bargainHelps.helperUserId, helperUserId), eq(bargainHelps.day, day))),
  ]);
  if (!record) return { ok: false, reason: "not_found" };
  const bargain = toRecord(record);
  if (inserted.length === 1) return { ok: true, cutCents: inserted[0]!.cutCents, bargain };
  const reason = helpRefusal(
    {
      ...bargain,
      isStarter: bargain.userId === helperUserId,
      alreadyHelped: mine !== undefined,
      helpsToday: today?.n ?? 0,
      helpsPerDay: help.helpsPerDay,
    },
    now,
  );
  if (!reason) throw new Error(`help on bargain ${bargainId} was not recorded for no known reason`);
  return { ok: false, reason };
}

export type PurchasableBargain = {
  id: string;
  productId: number;
  userId: number;
  floorCents: number;
  priceCents: number;
};
export type NotPurchasable = "not_found" | "bargain_incomplete" | "bargain_expired" | "bargain_purchased";

/**
 * For the order code: whether this user may buy this bargain's product at its floor price now — their
 * own bargain, every helper came, not yet expired, and no order holds it yet. The order still
 * relies on orders_bargain_uniq to buy it once when two orders race.
 * @returns the bargain's terms, or why not (someone else's bargain reads as not_found)
 */
export async function findPurchasableBargain(
  db: Db,
  bargainId: string,
  userId: number,
  now: number,
): Promise<{ ok: true; bargain: PurchasableBargain } | { ok: false; reason: NotPurchasable }> {
  const b = await findBargain(db, bargainId);
  if (!b || b.userId !== userId) return { ok: false, reason: "not_found" };
  const status = bargainStatus(b, now);
  if (status === "purchased") return { ok: false, reason: "bargain_purchased" };
  if (status === "expired") return { ok: false, reason: "bargain_expired" };
  if (status === "active") return { ok: false, reason: "bargain_incomplete" };
  return {
    ok: true,
    bargain: { id: b.id, productId: b.productId, userId: b.userId, floorCents: b.floorCents, priceCents: b.priceCents },
  };
}
