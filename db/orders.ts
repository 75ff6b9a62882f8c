// Reading orders and their items, in the API's order shape.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { OrderStatus } from "../worker/rules/order-status";
import type { Db } from "./client";
import { idempotencyKeys, orderItems, orders } from "./schema";

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type OrderWithItems = OrderRow & { items: OrderItemRow[] };

export function toOrderView(o: OrderWithItems) {
  return {
    id: o.id,
    status: o.status,
    items: o.items.map((i) => ({ product_id: i.productId, quantity: i.quantity, unit_price_cents: i.unitPriceCents })),
    subtotal_cents: o.subtotalCents,
    wallet_cents: o.walletCents,
    total_cents: o.totalCents,
    referrer_code: o.referrerCode,
    created_at: new Date(o.createdAt).toISOString(),
  };
}

/** D1 binds at most 100 parameters per statement: a longer list of order ids is read in parts. */
const IDS_PER_SELECT = 100;

async function withItems(db: Db, rows: OrderRow[]): Promise<OrderWithItems[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [first, ...rest] = Array.from({ length: Math.ceil(ids.length / IDS_PER_SELECT) }, (_, n) =>
    db.select().from(orderItems).where(inArray(orderItems.orderId, ids.slice(n * IDS_PER_SELECT, (n + 1) * IDS_PER_SELECT))),
  );
  const items = (await db.batch([first!, ...rest])).flat();
  return rows.map((r) => ({ ...r, items: items.filter((i) => i.orderId === r.id) }));
}

export async function findOrder(db: Db, id: string): Promise<OrderWithItems | null> {
  const [row] = await db.select().from(orders).where(eq(orders.id, id)).limit(1);
  return row ? (await withItems(db, [row]))[0]! : null;
}

export async function findOrderByIdempotencyKey(db: Db, scope: string, key: string): Promise<OrderWithItems | null> {
  const [row] = await db
    .select({ orderId: idempotencyKeys.orderId })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row ? findOrder(db, row.orderId) : null;
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
