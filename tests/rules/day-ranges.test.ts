import { describe, expect, it } from "vitest";
import { dayRanges } from "../../core/rules/day-ranges";
import { fromWallTime, isTimeZone, toWallTime, zoneOffsetMs } from "../../core/rules/zoned-time";

const HOUR = 3600_000;

describe("the dashboard's days", () => {
  it("30 Shanghai days end today, oldest first, each from 16:00 UTC to 16:00 UTC", () => {
    const ranges = dayRanges(Date.parse("2026-11-25T17:30:00Z"), "Asia/Shanghai");
    expect(ranges).toHaveLength(30);
    expect(ranges.at(-1)).toEqual({
      day: "2026-11-26",
      start_ms: Date.parse("2026-11-25T16:00:00Z"),
      end_ms: Date.parse("2026-11-26T16:00:00Z"),
    });
    expect(ranges[0]!.day).toBe("2026-10-28");
    for (let i = 1; i < ranges.length; i++) {
      expect(ranges[i]!.start_ms).toBe(ranges[i - 1]!.end_ms);
      expect(ranges[i]!.end_ms - ranges[i]!.start_ms).toBe(24 * HOUR);
    }
  });

  it("a day across a DST change is 23 or 25 hours long, so no hour is counted twice or lost", () => {
    const spring = dayRanges(Date.parse("2027-03-14T12:00:00Z"), "America/New_York", 2);
    expect(spring.map((r) => r.day)).toEqual(["2027-03-13", "2027-03-14"]);
    expect(spring[1]!.start_ms).toBe(Date.parse("2027-03-14T05:00:00Z"));
    expect(spring[1]!.end_ms - spring[1]!.start_ms).toBe(23 * HOUR);
    const autumn = dayRanges(Date.parse("2027-11-07T12:00:00Z"), "America/New_York", 1);
    expect(autumn[0]!.end_ms - autumn[0]!.start_ms).toBe(25 * HOUR);
  });
});

describe("wall-clock time in the store's zone", () => {
  it("reads and writes the datetime-local value of an instant in Shanghai", () => {
    expect(toWallTime(Date.parse("2026-11-25T16:00:00Z"), "Asia/Shanghai")).toBe("2026-11-26T00:00");
    expect(fromWallTime("2026-11-26T00:00", "Asia/Shanghai")).toBe(Date.parse("2026-11-25T16:00:00Z"));
    expect(zoneOffsetMs(Date.now(), "Asia/Shanghai")).toBe(8 * HOUR);
  });

  it("refuses what is not a wall time or a zone", () => {
    expect(fromWallTime("2026-11-26 00:00", "Asia/Shanghai")).toBeNaN();
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
