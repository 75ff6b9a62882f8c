// CSV as spreadsheets read it: RFC 4180 quoting, CRLF lines, a BOM so Excel reads UTF-8 Chinese.

/** Excel takes a file without it for the local code page and garbles 中文. */
export const CSV_BOM = "\uFEFF";

const NUMBER = /^-?\d+(?:\.\d+)?$/;
/** A cell a spreadsheet would run as a formula (`=HYPERLINK(…)` typed in as a nickname). */
const FORMULA = /^[=+\-@\t\r]/;

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One CSV line, CRLF-terminated: fields with a comma, quote, line break or edge space are quoted
 * (quotes doubled), and text that starts like a formula is defused with a leading apostrophe.
 * @example csvLine(["订单", 'say "hi"', 12]) // '订单,"say ""hi""",12\r\n'
 */
export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return `${values.map(cell).join(",")}\r\n`;
}
