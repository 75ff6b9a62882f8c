// Structured logs: one JSON line per event, so Workers Logs indexes every field and a merchant finds
// one order's story (placed, paid, shipped, refunded…) by filtering on `order_id`.
import type { OrderRow } from "../../db/orders";

/** What happened; `order.*` events carry the order, `error` events what failed. */
export type LogEvent =
  | "order.placed"
  | "order.paid"
  | "order.shipped"
  | "order.completed"
  | "order.refunded"
  | "order.cancelled"
  | "stripe.event"
  | "commission.matured"
  | "commission.payout"
  | "visits.not_recorded"
  | "request.failed"
  | "export.failed";

type Fields = Record<string, string | number | boolean | null | undefined>;

/**
 * Writes one line: `{"level":"info","event":"order.paid","order_id":"…",…}`. Errors go to
 * console.error (Workers Logs shows their level), everything else to console.log.
 * @example logEvent("commission.payout", { distributor_user_id: 7, amount_cents: 1500 })
 */
export function logEvent(event: LogEvent, fields: Fields = {}, level: "info" | "error" = "info"): void {
  const line = JSON.stringify({ level, event, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

/** An order's fields worth a log line: its id, status, money and attribution; no contact details. */
export const orderFields = (o: OrderRow): Fields => ({
  order_id: o.id,
  status: o.status,
  total_cents: o.totalCents,
  subtotal_cents: o.subtotalCents,
  wallet_cents: o.walletCents,
  payment_provider: o.paymentProvider,
  distributor_user_id: o.distributorUserId,
});

/** An error's message and stack, as fields. */
export const errorFields = (err: unknown): Fields =>
  err instanceof Error ? { error: `${err.name}: ${err.message}`, stack: err.stack } : { error: String(err) };
