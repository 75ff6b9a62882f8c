import { describe, expect, it } from "vitest";
import { csvLine } from "../../worker/lib/csv";

describe("CSV cells", () => {
  it("quotes commas, quotes and line breaks, defuses formulas, leaves numbers alone", () => {
    expect(csvLine(["龙井, 特级", 'say "hi"', "两行\n地址", 12, null])).toBe(
      '"龙井, 特级","say ""hi""","两行\n地址",12,\r\n',
    );
    expect(csvLine(['=HYPERLINK("x")', "+86", "-1.50", "@me", -990])).toBe(
      `"'=HYPERLINK(""x"")",'+86,-1.50,'@me,-990\r\n`,
    );
  });
});
