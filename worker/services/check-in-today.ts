// Today's check-in for a shopper, on the store's calendar and schedule: what POST /api/checkin and
// the check-in page's form both do.
import { calendarDay } from "../../core/rules/checkin-reward";
import { checkIn, findCheckin, type CheckinResult } from "../../db/checkins";
import type { Db } from "../../db/client";
import { getSettings } from "../../db/settings";
import { getWalletBalance } from "../../db/wallet";

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

/**
 * Today's check-in as the request that made it answered, when it was made at or after `since` (by a
 * request a crash cut, under the same Idempotency-Key); null otherwise.
 */
export async function checkInMadeSince(
  db: Db,
  userId: number,
  now: number,
  since: number,
): Promise<CheckinResult | null> {
  const settings = await getSettings(db, now);
  const made = await findCheckin(db, userId, calendarDay(now, settings.time_zone));
  if (!made || made.createdAt < since) return null;
  const record = { day: made.day, streak: made.streak, credited_cents: made.credited_cents };
  return { ...record, wallet_cents: await getWalletBalance(db, userId) };
}
