// The clearance zone: the discount, and deepest discount first.
import { describe, expect, it } from "vitest";
import { clearanceDiscountBp, clearanceZone } from "../../core/rules/clearance";

const p = (id: number, price_cents: number, clearance: number | null) => ({
  id,
  price_cents,
  clearance: clearance === null ? null : { price_cents: clearance },
});

describe("clearance", () => {
  it("the discount in basis points: ¥100 at ¥35 is 6500, at ¥100 none", () => {
    expect(clearanceDiscountBp(10000, 3500)).toBe(6500);
    expect(clearanceDiscountBp(10000, 10000)).toBe(0);
    expect(clearanceDiscountBp(3, 1)).toBe(6667);
  });

  it("the zone holds marked products only, deepest discount first, ties by id", () => {
    const zone = clearanceZone([
      p(1, 10000, 9000),
      p(2, 2000, 500),
      p(3, 100, null),
      p(4, 10000, 2500),
      p(5, 400, 100),
    ]);
    expect(zone.map((x) => x.id)).toEqual([2, 4, 5, 1]);
  });
});
