import { describe, expect, it } from "vitest";
import { formatCny } from "../../storefront/format";

describe("money on its way out of cents", () => {
  it("shows yuan to people with the symbol and thousands, and plain for fields and spreadsheets", () => {
    expect([formatCny(0), formatCny(5), formatCny(-990), formatCny(123456)]).toEqual([
      "¥0.00",
      "¥0.05",
      "-¥9.90",
      "¥1,234.56",
    ]);
    const plain = (cents: number) => formatCny(cents, { plain: true });
    expect([plain(0), plain(5), plain(-990), plain(123456)]).toEqual(["0.00", "0.05", "-9.90", "1234.56"]);
  });
});
