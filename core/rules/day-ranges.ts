// The store's last N calendar days as UTC instants: what the dashboard counts visits and orders in.
import { addDays, calendarDay } from "./checkin-reward";
import { fromWallTime } from "./zoned-time";

/** The dashboard's span: today and the 29 days before it. */
export const DASHBOARD_DAYS = 30;

/** One calendar day in the store's zone: `[start_ms, end_ms)`. */
export type DayRange = { day: string; start_ms: number; end_ms: number };

/**
 * The `days` calendar days ending today in `timeZone`, oldest first, each from its local midnight
 * to the next. A day across a DST change is 23 or 25 hours long, so counting by these ranges is
 * exact in every zone (a fixed `(at + offset) / 86400000` would misplace an hour a year there).
 * @example dayRanges(Date.parse("2026-11-25T20:00:00Z"), "Asia/Shanghai", 2)
 *   // → [{ day: "2026-11-25", start_ms: Date.parse("2026-11-24T16:00:00Z"), end_ms: …25T16:00Z },
 *   //    { day: "2026-11-26", start_ms: Date.parse("2026-11-25T16:00:00Z"), end_ms: …26T16:00Z }]
 */
export function dayRanges(nowMs: number, timeZone: string, days = DASHBOARD_DAYS): DayRange[] {
  const today = calendarDay(nowMs, timeZone);
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(today, i - days + 1);
    return {
      day,
      start_ms: fromWallTime(`${day}T00:00`, timeZone),
      end_ms: fromWallTime(`${addDays(day, 1)}T00:00`, timeZone),
    };
  });
}
