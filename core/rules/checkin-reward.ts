// The check-in rule: which calendar day an instant falls on in the store's time zone,
// how consecutive days form a streak, what each streak day pays, and this week at a glance.

/** Days are `YYYY-MM-DD` strings in the store's time zone; this much apart in UTC arithmetic. */
const DAY_MS = 86_400_000;
/** A week runs Monday to Sunday, as calendars in China print it. */
export const WEEK_LENGTH_DAYS = 7;
const MONDAY = 1;
/** en-CA writes dates as year-month-day; we read the parts, not the punctuation. */
const DAY_LOCALE = "en-CA";

/** A check-in as the rule sees it. */
export type CheckinRecord = { day: string; streak: number; credited_cents: number };

export type WeekDayState = "done" | "missed" | "today" | "upcoming";
/** `weekday` is ISO: 1 Monday … 7 Sunday. */
export type WeekDay = { day: string; weekday: number; state: WeekDayState; cents: number };

export type CheckinStatus = {
  checked_in_today: boolean;
  /** The streak that today's check-in makes (or made): yesterday's + 1, else 1. */
  streak_today: number;
  /** The live streak: today's or yesterday's, 0 when neither day has a check-in. */
  streak: number;
  /** What today's check-in pays, or paid. */
  today_cents: number;
  week: WeekDay[];
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat(DAY_LOCALE, { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The calendar day an instant falls on in a time zone.
 * @param epochMs an instant, epoch milliseconds
 * @param timeZone an IANA zone such as `Asia/Shanghai`; an unknown zone throws RangeError
 * @returns `YYYY-MM-DD`
 * @example
 * calendarDay(Date.parse("2026-11-25T15:59:59Z"), "Asia/Shanghai") // "2026-11-25"
 * calendarDay(Date.parse("2026-11-25T16:00:00Z"), "Asia/Shanghai") // "2026-11-26"
 */
export function calendarDay(epochMs: number, timeZone: string): string {
  const parts = dayFormatter(timeZone).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** @returns the day `n` days after `day` (before, when n is negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export const previousDay = (day: string) => addDays(day, -1);

/** @returns the Monday that starts `day`'s week. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday - MONDAY + WEEK_LENGTH_DAYS) % WEEK_LENGTH_DAYS));
}

/**
 * What streak day N pays: `schedule[(N - 1) % length]`, so after the last day the schedule
 * starts again from day 1 (default 450, 100, 50, 20, 20, 20, 60 cents; day 8 pays 450).
 */
export function rewardForStreakDay(streak: number, scheduleCents: readonly number[]): number {
  if (!Number.isInteger(streak) || streak < 1) throw new RangeError(`A streak day starts at 1, got ${streak}`);
  if (scheduleCents.length === 0) throw new RangeError("The check-in schedule is empty");
  return scheduleCents[(streak - 1) % scheduleCents.length]!;
}

/**
 * The streak a check-in on `today` makes: one more than yesterday's, or 1 after a missed day.
 * @param last the user's latest check-in before `today`, if any
 */
export function streakOn(today: string, last: Pick<CheckinRecord, "day" | "streak"> | null): number {
  return last && last.day === previousDay(today) ? last.streak + 1 : 1;
}

/**
 * Where a user stands on `today`, and this week's strip: done days with what they paid,
 * missed days, today, and what the coming days pay if the streak holds.
 * @param checkins the user's check-ins from the earlier of yesterday and this week's Monday
 *   through today (others are ignored)
 */
export function checkinStatus(
  today: string,
  checkins: readonly CheckinRecord[],
  scheduleCents: readonly number[],
): CheckinStatus {
  const byDay = new Map(checkins.map((c) => [c.day, c]));
  const todayRow = byDay.get(today);
  const yesterdayRow = byDay.get(previousDay(today)) ?? null;
  const streakToday = todayRow ? todayRow.streak : streakOn(today, yesterdayRow);
  const todayCents = todayRow ? todayRow.credited_cents : rewardForStreakDay(streakToday, scheduleCents);
  const monday = weekStart(today);
  const week = Array.from({ length: WEEK_LENGTH_DAYS }, (_, i): WeekDay => {
    const day = addDays(monday, i);
    const weekday = i + 1;
    const row = byDay.get(day);
    if (row) return { day, weekday, state: "done", cents: row.credited_cents };
    if (day < today) return { day, weekday, state: "missed", cents: 0 };
    if (day === today) return { day, weekday, state: "today", cents: todayCents };
    const ahead = Math.round((Date.parse(day) - Date.parse(today)) / DAY_MS);
    return { day, weekday, state: "upcoming", cents: rewardForStreakDay(streakToday + ahead, scheduleCents) };
  });
  return {
    checked_in_today: todayRow !== undefined,
    streak_today: streakToday,
    streak: todayRow?.streak ?? yesterdayRow?.streak ?? 0,
    today_cents: todayCents,
    week,
  };
}
