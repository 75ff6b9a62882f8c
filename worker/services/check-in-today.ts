// Today's check-in for a shopper, on the store's calendar and schedule: what POST /api/checkin and
// the check-in page's form both do.
import { calendarDay } from "../../core/rules/checkin-reward";
import { checkIn, type CheckinResult } from "../../db/checkins";
import type { Db } from "../../db/client";
import { getSettings } from "../../db/settings";

/** @returns the day's credit, or null when the shopper has already checked in today */
export async function checkInToday(db: Db, userId: number, now: number): Promise<CheckinResult | null> {
  const settings = await getSettings(db, now);
  return checkIn(db, {
    userId,
    day: calendarDay(now, settings.time_zone),
    scheduleCents: settings.checkin_schedule_cents,
    now,
  });
}
