import { describe, expect, it } from "vitest";
import { averageOrderCents, conversionBp, dashboardTotals } from "../../core/rules/dashboard-totals";

describe("the dashboard's headline numbers", () => {
  it("adds up the days, and divides only when there is something to divide by", () => {
    const totals = dashboardTotals([
      { day: "2026-11-24", visits: 120, unique_visits: 80, orders: 2, sales_cents: 9900 },
      { day: "2026-11-25", visits: 80, unique_visits: 120, orders: 1, sales_cents: 101 },
    ]);
    expect(totals).toEqual({ visits: 200, unique_visits: 200, orders: 3, sales_cents: 10001 });
    expect(conversionBp(totals)).toBe(150);
    expect(averageOrderCents(totals)).toBe(3334);
    expect(conversionBp({ unique_visits: 0, orders: 0 })).toBeNull();
    expect(averageOrderCents({ orders: 0, sales_cents: 0 })).toBeNull();
  });
});
