// Wall-clock time in a time zone and back: the store's days and sale windows are in its own zone.

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** @returns whether the runtime knows this IANA zone (`Asia/Shanghai` yes, `Mars/Base` no). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

function wallParts(epochMs: number, timeZone: string) {
  const parts = wallFormatter(timeZone).formatToParts(epochMs);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return {
    year: n("year"),
    month: n("month"),
    day: n("day"),
    hour: n("hour"),
    minute: n("minute"),
    second: n("second"),
  };
}

/** How far the zone's clocks are ahead of UTC at an instant, in ms (Asia/Shanghai: 8 h). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p = wallParts(epochMs, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * @returns the zone's wall clock at an instant, as an `<input type="datetime-local">` value
 * @example toWallTime(Date.parse("2026-11-25T16:00:00Z"), "Asia/Shanghai") // "2026-11-26T00:00"
 */
export function toWallTime(epochMs: number, timeZone: string): string {
  const p = wallParts(epochMs, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The instant a wall-clock time names in a zone. A time skipped by a DST jump lands just after
 * it; a time that happens twice is its first occurrence.
 * @param wall `YYYY-MM-DDTHH:mm` (seconds optional)
 * @returns epoch ms, or NaN when `wall` is not such a time
 * @example fromWallTime("2026-11-26T00:00", "Asia/Shanghai") // Date.parse("2026-11-25T16:00:00Z")
 */
export function fromWallTime(wall: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0));
  const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  if (Number.isNaN(asUtc)) return Number.NaN;
  const first = asUtc - zoneOffsetMs(asUtc, timeZone);
  const second = asUtc - zoneOffsetMs(first, timeZone);
  // around a DST change the offset at the guess and at the answer differ; the earlier instant wins
  return Math.min(first, second);
}
