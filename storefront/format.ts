// Money leaves cents only here, on its way to a page, a form field or a spreadsheet.

/**
 * Cents as yuan with 2 decimals: for people "¥1,234.56"; `plain` for a field or a spreadsheet to
 * read back, "1234.56" (no symbol, no grouping).
 * @example formatCny(19900) // "¥199.00"
 * @example formatCny(-990, { plain: true }) // "-9.90"
 */
export function formatCny(cents: number, opts: { plain?: boolean } = {}): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fen = String(abs % 100).padStart(2, "0");
  return opts.plain ? `${sign}${whole}.${fen}` : `${sign}¥${whole.toLocaleString("en-US")}.${fen}`;
}
