import { describe, expect, it } from "vitest";
import {
  addDays,
  calendarDay,
  checkinStatus,
  previousDay,
  rewardForStreakDay,
  streakOn,
  weekStart,
  type CheckinRecord,
} from "../../core/rules/checkin-reward";

const SCHEDULE = [450, 100, 50, 20, 20, 20, 60];
const SHANGHAI = "Asia/Shanghai";

describe("calendarDay", () => {
  it("the Shanghai day turns at 16:00 UTC: 15:59:59 is still the 25th, 16:00:00 is the 26th", () => {
    expect(calendarDay(Date.parse("2026-11-25T15:59:59.999Z"), SHANGHAI)).toBe("2026-11-25");
    expect(calendarDay(Date.parse("2026-11-25T16:00:00.000Z"), SHANGHAI)).toBe("2026-11-26");
  });

  it("Shanghai midnight to midnight is one day: 16:00 UTC through 15:59:59 UTC the next date", () => {
    expect(calendarDay(Date.parse("2026-11-25T16:00:00Z"), SHANGHAI)).toBe("2026-11-26");
    expect(calendarDay(Date.parse("2026-11-26T00:00:00Z"), SHANGHAI)).toBe("2026-11-26");
    expect(calendarDay(Date.parse("2026-11-26T15:59:59Z"), SHANGHAI)).toBe("2026-11-26");
  });

  it("crosses months and years on the zone's calendar", () => {
    expect(calendarDay(Date.parse("2026-12-31T16:00:00Z"), SHANGHAI)).toBe("2027-01-01");
    expect(calendarDay(Date.parse("2028-02-28T16:00:00Z"), SHANGHAI)).toBe("2028-02-29");
  });

  it("follows the zone it is given, daylight saving included", () => {
    const instant = Date.parse("2026-11-25T16:00:00Z");
    expect(calendarDay(instant, "UTC")).toBe("2026-11-25");
    expect(calendarDay(instant, "America/Los_Angeles")).toBe("2026-11-25");
    expect(calendarDay(Date.parse("2026-07-01T06:59:59Z"), "America/Los_Angeles")).toBe("2026-06-30");
    expect(calendarDay(Date.parse("2026-07-01T07:00:00Z"), "America/Los_Angeles")).toBe("2026-07-01");
    expect(calendarDay(Date.parse("2026-01-01T07:59:59Z"), "America/Los_Angeles")).toBe("2025-12-31");
    expect(calendarDay(Date.parse("2026-01-01T08:00:00Z"), "America/Los_Angeles")).toBe("2026-01-01");
  });

  it("refuses a zone that does not exist", () => {
    expect(() => calendarDay(0, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("day arithmetic", () => {
  it("the previous day crosses months, years and leap days", () => {
    expect(previousDay("2026-11-26")).toBe("2026-11-25");
    expect(previousDay("2026-03-01")).toBe("2026-02-28");
    expect(previousDay("2028-03-01")).toBe("2028-02-29");
    expect(previousDay("2027-01-01")).toBe("2026-12-31");
  });

  it("adds days forwards and backwards", () => {
    expect(addDays("2026-11-26", 7)).toBe("2026-12-03");
    expect(addDays("2026-11-26", -26)).toBe("2026-10-31");
    expect(addDays("2026-11-26", 0)).toBe("2026-11-26");
  });

  it("a week starts on Monday", () => {
    // 2026-11-23 is a Monday, 2026-11-29 a Sunday
    for (const day of ["2026-11-23", "2026-11-24", "2026-11-26", "2026-11-29"]) {
      expect(weekStart(day)).toBe("2026-11-23");
    }
    expect(weekStart("2026-11-30")).toBe("2026-11-30");
    expect(weekStart("2027-01-01")).toBe("2026-12-28");
  });
});

describe("rewardForStreakDay", () => {
  it("pays the schedule by streak day: 450, 100, 50, 20, 20, 20, 60", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((d) => rewardForStreakDay(d, SCHEDULE))).toEqual(SCHEDULE);
  });

  it("after the 7th day the schedule starts again from day 1", () => {
    expect(rewardForStreakDay(8, SCHEDULE)).toBe(450);
    expect(rewardForStreakDay(9, SCHEDULE)).toBe(100);
    expect(rewardForStreakDay(14, SCHEDULE)).toBe(60);
    expect(rewardForStreakDay(15, SCHEDULE)).toBe(450);
    expect(rewardForStreakDay(365, SCHEDULE)).toBe(SCHEDULE[(365 - 1) % 7]);
  });

  it("follows a schedule of any length the merchant sets", () => {
    expect([1, 2, 3, 4].map((d) => rewardForStreakDay(d, [5, 7, 9]))).toEqual([5, 7, 9, 5]);
    expect(rewardForStreakDay(40, [300])).toBe(300);
  });

  it("refuses a streak day below 1 and an empty schedule", () => {
    expect(() => rewardForStreakDay(0, SCHEDULE)).toThrow(RangeError);
    expect(() => rewardForStreakDay(1.5, SCHEDULE)).toThrow(RangeError);
    expect(() => rewardForStreakDay(1, [])).toThrow(RangeError);
  });
});

describe("streakOn", () => {
  it("the first check-in ever is day 1", () => {
    expect(streakOn("2026-11-26", null)).toBe(1);
  });

  it("a check-in yesterday makes today one more", () => {
    expect(streakOn("2026-11-26", { day: "2026-11-25", streak: 1 })).toBe(2);
    expect(streakOn("2026-12-01", { day: "2026-11-30", streak: 7 })).toBe(8);
  });

  it("a missed day restarts at day 1", () => {
    expect(streakOn("2026-11-26", { day: "2026-11-24", streak: 5 })).toBe(1);
  });
});

describe("checkinStatus", () => {
  const row = (day: string, streak: number): CheckinRecord => ({
    day,
    streak,
    credited_cents: rewardForStreakDay(streak, SCHEDULE),
  });

  it("a newcomer on a Thursday: today pays 450, the rest of the week 100, 50, 20; earlier days missed", () => {
    const s = checkinStatus("2026-11-26", [], SCHEDULE);
    expect(s).toMatchObject({ checked_in_today: false, streak: 0, streak_today: 1, today_cents: 450 });
    expect(s.week.map((d) => [d.day, d.weekday, d.state, d.cents])).toEqual([
      ["2026-11-23", 1, "missed", 0],
      ["2026-11-24", 2, "missed", 0],
      ["2026-11-25", 3, "missed", 0],
      ["2026-11-26", 4, "today", 450],
      ["2026-11-27", 5, "upcoming", 100],
      ["2026-11-28", 6, "upcoming", 50],
      ["2026-11-29", 7, "upcoming", 20],
    ]);
  });

  it("checked in Monday to Wednesday: those are done with what they paid, today pays streak day 4", () => {
    const rows = [row("2026-11-23", 1), row("2026-11-24", 2), row("2026-11-25", 3)];
    const s = checkinStatus("2026-11-26", rows, SCHEDULE);
    expect(s).toMatchObject({ checked_in_today: false, streak: 3, streak_today: 4, today_cents: 20 });
    expect(s.week.map((d) => `${d.state}:${d.cents}`)).toEqual([
      "done:450",
      "done:100",
      "done:50",
      "today:20",
      "upcoming:20",
      "upcoming:20",
      "upcoming:60",
    ]);
  });

  it("checked in today: today is done, the streak is today's, and the projection continues from it", () => {
    const rows = [row("2026-11-25", 6), row("2026-11-26", 7)];
    const s = checkinStatus("2026-11-26", rows, SCHEDULE);
    expect(s).toMatchObject({ checked_in_today: true, streak: 7, streak_today: 7, today_cents: 60 });
    expect(s.week.slice(3).map((d) => `${d.state}:${d.cents}`)).toEqual([
      "done:60",
      "upcoming:450",
      "upcoming:100",
      "upcoming:50",
    ]);
  });

  it("yesterday missed: the streak is 0 and today restarts at 450", () => {
    const s = checkinStatus("2026-11-26", [row("2026-11-24", 2)], SCHEDULE);
    expect(s).toMatchObject({ checked_in_today: false, streak: 0, streak_today: 1, today_cents: 450 });
    expect(s.week.map((d) => d.state)).toEqual([
      "missed",
      "done",
      "missed",
      "today",
      "upcoming",
      "upcoming",
      "upcoming",
    ]);
  });

  it("on a Monday the streak carries over from Sunday, last week's day outside the strip", () => {
    const s = checkinStatus("2026-11-30", [row("2026-11-29", 2)], SCHEDULE);
    expect(s).toMatchObject({ streak: 2, streak_today: 3, today_cents: 50 });
    expect(s.week[0]).toEqual({ day: "2026-11-30", weekday: 1, state: "today", cents: 50 });
    expect(s.week[6]).toMatchObject({ day: "2026-12-06", weekday: 7, state: "upcoming", cents: 100 }); // streak day 9
  });

  it("a done day shows what it paid even after the merchant changed the schedule", () => {
    const s = checkinStatus("2026-11-24", [{ day: "2026-11-23", streak: 1, credited_cents: 450 }], [1000, 2000]);
    expect(s.week[0]).toMatchObject({ state: "done", cents: 450 });
    expect(s.week[1]).toMatchObject({ state: "today", cents: 2000 });
    expect(s.week[2]).toMatchObject({ state: "upcoming", cents: 1000 });
  });
});
