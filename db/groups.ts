// Reading groups (拼团): one with its members, the open ones a shopper can join, a shopper's own,
// and the merchant's list by status. A member is an order of the group that is not cancelled.
import { and, asc, desc, eq, gt, inArray, lt, ne, sql } from "drizzle-orm";
import type { GroupStatus, OrderStatus } from "../core/enums";
import type { Db } from "./client";
import { groups, orders, products, users } from "./schema";

export type GroupRow = typeof groups.$inferSelect;
export type GroupMemberRow = {
  orderId: string;
  userId: number;
  nickname: string;
  status: OrderStatus;
  createdAt: number;
};
/** A group, its product's title and picture, and its members in the order they joined. */
export type GroupRecord = GroupRow & { product: { title: string; imageUrl: string }; members: GroupMemberRow[] };

/** D1 binds at most 100 parameters per statement: more groups are read in parts. */
const IDS_PER_SELECT = 100;

const selectGroups = (db: Db) =>
  db
    .select({ row: groups, title: products.title, imageUrl: products.imageUrl })
    .from(groups)
    .innerJoin(products, eq(products.id, groups.productId));

async function withMembers(
  db: Db,
  rows: Array<{ row: GroupRow; title: string; imageUrl: string }>,
): Promise<GroupRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.row.id);
  const [first, ...rest] = Array.from({ length: Math.ceil(ids.length / IDS_PER_SELECT) }, (_, n) =>
    db
      .select({
        groupId: orders.groupId,
        orderId: orders.id,
        userId: orders.userId,
        nickname: users.nickname,
        status: orders.status,
        createdAt: orders.createdAt,
      })
      .from(orders)
      .innerJoin(users, eq(users.id, orders.userId))
      .where(
        and(
          inArray(orders.groupId, ids.slice(n * IDS_PER_SELECT, (n + 1) * IDS_PER_SELECT)),
          ne(orders.status, "cancelled"),
        ),
      )
      .orderBy(asc(orders.createdAt), asc(sql`orders.rowid`)),
  );
  const members = (await db.batch([first!, ...rest])).flat();
  return rows.map(({ row, title, imageUrl }) => ({
    ...row,
    product: { title, imageUrl },
    members: members
      .filter((m) => m.groupId === row.id)
      .map((m) => ({
        orderId: m.orderId,
        userId: m.userId!,
        nickname: m.nickname,
        status: m.status,
        createdAt: m.createdAt,
      })),
  }));
}

export async function findGroup(db: Db, id: string): Promise<GroupRow | null> {
  const [row] = await db.select().from(groups).where(eq(groups.id, id)).limit(1);
  return row ?? null;
}

export async function findGroupRecord(db: Db, id: string): Promise<GroupRecord | null> {
  const rows = await selectGroups(db).where(eq(groups.id, id)).limit(1);
  return (await withMembers(db, rows))[0] ?? null;
}

/**
 * Groups of a product anyone can join now: open, a seat free, and more time left than the payment
 * hold (core/rules/group-seats.ts joinRefusal); the soonest deadline first.
 */
export async function listJoinableGroups(
  db: Db,
  productId: number,
  now: number,
  holdMs: number,
  limit: number,
): Promise<GroupRecord[]> {
  const rows = await selectGroups(db)
    .where(
      and(
        eq(groups.productId, productId),
        eq(groups.status, "open"),
        gt(groups.expiresAt, now + holdMs),
        lt(groups.reserved, groups.size),
      ),
    )
    .orderBy(asc(groups.expiresAt))
    .limit(limit);
  return withMembers(db, rows);
}

/** The groups a shopper opened or joined (an order of theirs in it, not cancelled), newest first. */
export async function listUserGroups(db: Db, userId: number, limit: number): Promise<GroupRecord[]> {
  const mine = db
    .select({ id: orders.groupId })
    .from(orders)
    .where(and(eq(orders.userId, userId), ne(orders.status, "cancelled"), sql`${orders.groupId} IS NOT NULL`));
  const rows = await selectGroups(db)
    .where(inArray(groups.id, mine))
    .orderBy(desc(groups.createdAt), desc(groups.id))
    .limit(limit);
  return withMembers(db, rows);
}

/** The merchant's list: groups of one status (all when none), newest first. */
export async function listGroups(db: Db, filter: { status?: GroupStatus; limit: number }): Promise<GroupRecord[]> {
  const rows = await selectGroups(db)
    .where(filter.status ? eq(groups.status, filter.status) : undefined)
    .orderBy(desc(groups.createdAt), desc(groups.id))
    .limit(filter.limit);
  return withMembers(db, rows);
}
