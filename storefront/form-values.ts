// What a merchant types into a form, as the API's units: yuan to cents, percent to basis points.

/**
 * Yuan typed by a person ("12", "12.5", "12.50") as integer cents; anything else is NaN.
 * @example yuanToCents("99.9") // 9990
 */
export function yuanToCents(text: string): number {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : Number.NaN;
}

/** A percent typed by a person ("10", "2.5") as basis points; NaN for anything else. */
export function percentToBp(text: string): number {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*$/.exec(text);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : Number.NaN;
}

/** Basis points shown as a percent: 1000 → "10", 250 → "2.5". */
export const bpToPercentText = (bp: number) => String(bp / 100);
