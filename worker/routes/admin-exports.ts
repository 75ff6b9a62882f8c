// CSV downloads for the merchant: every order, and every commission ledger entry.
// Money comes twice: integer cents (exact, what the API uses) and yuan with 2 decimals (to read).
// Times are ISO 8601 in UTC, plus the order's local time in the store's zone.
import { Hono, type Context } from "hono";
import { isOrderStatus } from "../../core/enums";
import { calendarDay } from "../../core/rules/checkin-reward";
import { toWallTime } from "../../core/rules/zoned-time";
import { commissionExportPage, orderExportPage, type OrderCursor } from "../../db/admin-exports";
import { getSettings } from "../../db/settings";
import { formatCny } from "../../storefront/format";
import { t, ta } from "../../storefront/i18n";
import type { AppEnv } from "../app-env";
import { CSV_BOM, csvLine } from "../lib/csv";
import { errorFields, logEvent } from "../lib/log";
import { dbOf } from "../middleware/database";

const PAGE_ROWS = 500;
const iso = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());

/** Streams the BOM, a header line, then each page's lines as it is read. */
function csvDownload(
  c: Context<AppEnv>,
  name: string,
  header: readonly string[],
  pages: () => AsyncGenerator<string[]>,
) {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(header)));
        for await (const lines of pages()) controller.enqueue(encoder.encode(lines.join("")));
        controller.close();
      } catch (err) {
        logEvent("export.failed", { file: name, ...errorFields(err) }, "error");
        controller.error(err);
      }
    },
  });
  return c.body(body, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${name}"`,
  });
}

/** /admin/export/orders.csv?status=, /admin/export/commissions.csv */
export const adminExports = new Hono<AppEnv>()
  .get("/orders.csv", async (c) => {
    const db = dbOf(c);
    const { time_zone } = await getSettings(db, c.var.now);
    const wanted = c.req.query("status");
    const status = isOrderStatus(wanted) ? wanted : undefined;
    const h = ta.csv;
    return csvDownload(c, `orders-${calendarDay(c.var.now, time_zone)}.csv`, h.orders, async function* () {
      let cursor: OrderCursor | null = null;
      for (;;) {
        const rows = await orderExportPage(db, cursor, PAGE_ROWS, status);
        if (rows.length === 0) return;
        yield rows.map((o) =>
          csvLine([
            o.id,
            iso(o.created_at),
            toWallTime(o.created_at, time_zone).replace("T", " "),
            t.orderStatus[o.status],
            o.items,
            formatCny(o.subtotal_cents, { plain: true }),
            o.subtotal_cents,
            formatCny(o.wallet_cents, { plain: true }),
            o.wallet_cents,
            formatCny(o.total_cents, { plain: true }),
            o.total_cents,
            o.referrer_code,
            o.distributor_user_id,
            o.distributor_nickname,
            o.contact_name,
            o.contact_phone,
            o.contact_address,
            iso(o.paid_at),
            iso(o.shipped_at),
            iso(o.completed_at),
            iso(o.refunded_at),
          ]),
        );
        const last = rows.at(-1)!;
        cursor = { created_at: last.created_at, id: last.id };
      }
    });
  })
  .get("/commissions.csv", async (c) => {
    const db = dbOf(c);
    const { time_zone } = await getSettings(db, c.var.now);
    const h = ta.csv;
    return csvDownload(c, `commissions-${calendarDay(c.var.now, time_zone)}.csv`, h.commissions, async function* () {
      let afterId = 0;
      for (;;) {
        const rows = await commissionExportPage(db, afterId, PAGE_ROWS);
        if (rows.length === 0) return;
        yield rows.map((l) =>
          csvLine([
            l.id,
            iso(l.created_at),
            l.distributor_user_id,
            l.nickname,
            l.code,
            l.order_id,
            l.level,
            h.buckets[l.bucket],
            h.events[l.event],
            formatCny(l.amount_cents, { plain: true }),
            l.amount_cents,
          ]),
        );
        afterId = rows.at(-1)!.id;
      }
    });
  });
