// The store's notion of "now". Tests move it through `setClockForTests`; no request can.
let offsetMs = 0;

/** @returns epoch milliseconds, shifted only when a test has moved the clock. */
export function now(): number {
  return Date.now() + offsetMs;
}

/**
 * Moves the clock for the test runner, which shares this module with the worker.
 * @example setClockForTests(Date.parse("2026-11-25T15:59:00Z"))
 */
export function setClockForTests(epochMs: number | null): void {
  offsetMs = epochMs === null ? 0 : epochMs - Date.now();
}
