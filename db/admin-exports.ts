// The merchant's CSV exports read in pages (keyset, oldest first), so a big store streams out.
import { sql } from "drizzle-orm";
import type { CommissionBucket, CommissionEvent, OrderStatus } from "../core/enums";
import type { Db } from "./client";

export type OrderExportRow = {
  id: string;
  created_at: number;
  status: OrderStatus;
  items: string;
  subtotal_cents: number;
  wallet_cents: number;
  total_cents: number;
  referrer_code: string | null;
  distributor_user_id: number | null;
  distributor_nickname: string | null;
  contact_name: string;
  contact_phone: string;
  contact_address: string;
  paid_at: number | null;
  shipped_at: number | null;
  completed_at: number | null;
  refunded_at: number | null;
};

export type CommissionExportRow = {
  id: number;
  created_at: number;
  distributor_user_id: number;
  nickname: string;
  code: string | null;
  order_id: string | null;
  level: number;
  bucket: CommissionBucket;
  event: CommissionEvent;
  amount_cents: number;
};

/** Where the previous page ended: orders are read by (created_at, id). */
export type OrderCursor = { created_at: number; id: string };

/** @returns up to `limit` orders after `cursor`, with their items as `title ×quantity; …`. */
export async function orderExportPage(
  db: Db,
  cursor: OrderCursor | null,
  limit: number,
  status?: OrderStatus,
): Promise<OrderExportRow[]> {
  const after = cursor ? sql`AND (o.created_at, o.id) > (${cursor.created_at}, ${cursor.id})` : sql``;
  const only = status ? sql`AND o.status = ${status}` : sql``;
  return db.all<OrderExportRow>(sql`
    SELECT o.id, o.created_at, o.status, o.subtotal_cents, o.wallet_cents, o.total_cents, o.referrer_code,
      o.distributor_user_id, u.nickname AS distributor_nickname, o.contact_name, o.contact_phone,
      o.contact_address, o.paid_at, o.shipped_at, o.completed_at, o.refunded_at,
      (SELECT group_concat(p.title || ' ×' || oi.quantity, '; ')
        FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = o.id) AS items
    FROM orders o LEFT JOIN users u ON u.id = o.distributor_user_id
    WHERE 1 = 1 ${after} ${only}
    ORDER BY o.created_at, o.id LIMIT ${limit}`);
}

/** @returns up to `limit` ledger entries with an id above `afterId`, in the order they were written. */
export async function commissionExportPage(db: Db, afterId: number, limit: number): Promise<CommissionExportRow[]> {
  return db.all<CommissionExportRow>(sql`
    SELECT l.id, l.created_at, l.distributor_user_id, u.nickname, d.code, l.order_id, l.level, l.bucket,
      l.event, l.amount_cents
    FROM commission_ledger l JOIN users u ON u.id = l.distributor_user_id
    LEFT JOIN distributors d ON d.user_id = l.distributor_user_id
    WHERE l.id > ${afterId} ORDER BY l.id LIMIT ${limit}`);
}
