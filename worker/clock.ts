// The store's notion of "now". Tests pin it through `setClockForTests`; no request can.
let pinnedMs: number | null = null;

/** @returns epoch milliseconds: the real time, or the instant a test pinned. */
export function now(): number {
  return pinnedMs ?? Date.now();
}

/**
 * Pins the clock for the test runner, which shares this module with the worker; null unpins it.
 * @example setClockForTests(Date.parse("2026-11-25T15:59:59.999Z"))
 */
export function setClockForTests(epochMs: number | null): void {
  pinnedMs = epochMs;
}
