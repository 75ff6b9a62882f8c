// Reading orders and their items.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { OrderStatus } from "../core/enums";
import type { Db } from "./client";
import { idempotencyKeys, orderItems, orders } from "./schema";

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type OrderWithItems = OrderRow & { items: OrderItemRow[] };

/** D1 binds at most 100 parameters per statement: a longer list of order ids is read in parts. */
const IDS_PER_SELECT = 100;

async function withItems(db: Db, rows: OrderRow[]): Promise<OrderWithItems[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [first, ...rest] = Array.from({ length: Math.ceil(ids.length / IDS_PER_SELECT) }, (_, n) =>
    db
      .select()
      .from(orderItems)
      .where(inArray(orderItems.orderId, ids.slice(n * IDS_PER_SELECT, (n + 1) * IDS_PER_SELECT))),
  );
  const items = (await db.batch([first!, ...rest])).flat();
  return rows.map((r) => ({ ...r, items: items.filter((i) => i.orderId === r.id) }));
}

export async function findOrder(db: Db, id: string): Promise<OrderWithItems | null> {
  const [row] = await db.select().from(orders).where(eq(orders.id, id)).limit(1);
  return row ? (await withItems(db, [row]))[0]! : null;
}

/** The order a key placed, and the hash of the body that placed it (null on rows older than the hash). */
export async function findOrderByIdempotencyKey(
  db: Db,
  scope: string,
  key: string,
): Promise<{ order: OrderWithItems; requestHash: string | null } | null> {
  const [row] = await db
    .select({ orderId: idempotencyKeys.orderId, requestHash: idempotencyKeys.requestHash })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .limit(1);
  const order = row ? await findOrder(db, row.orderId) : null;
  return order ? { order, requestHash: row!.requestHash } : null;
}

export async function listOrders(
  db: Db,
  filter: { status?: OrderStatus; userId?: number; limit: number },
): Promise<OrderWithItems[]> {
  const conditions = [
    filter.status ? eq(orders.status, filter.status) : undefined,
    filter.userId !== undefined ? eq(orders.userId, filter.userId) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await db
    .select()
    .from(orders)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(orders.createdAt))
    .limit(filter.limit);
  return withItems(db, rows);
}

/** Remembers the Stripe Checkout Session that pays an order, so a retried order answers the same one. */
export async function setStripeSession(db: Db, orderId: string, sessionId: string): Promise<void> {
  await db.update(orders).set({ stripeSessionId: sessionId }).where(eq(orders.id, orderId));
}
