// The bargain cut plan: its invariants over many random runs, and its edges.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planBargainCuts } from "../../core/rules/bargain-cuts";

/** A seeded random source in [0, 1) (mulberry32), so fast-check can shrink and replay a failure. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A bargain the merchant could set up: 1–100 helpers, a total cut of at least 1 fen each, up to ¥1,000,000. */
const plan = fc
  .record({
    helpers: fc.integer({ min: 1, max: 100 }),
    extra: fc.integer({ min: 0, max: 99_999_900 }),
    seed: fc.integer(),
  })
  .map(({ helpers, extra, seed }) => ({
    helpers,
    total: helpers + extra,
    cuts: planBargainCuts(helpers + extra, helpers, seeded(seed)),
  }));

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("planBargainCuts", () => {
  it("plans exactly one cut per helper, and they add up to price − floor to the fen", () => {
    fc.assert(
      fc.property(plan, ({ helpers, total, cuts }) => {
        expect(cuts).toHaveLength(helpers);
        expect(sum(cuts)).toBe(total);
      }),
      { numRuns: 2000 },
    );
  });

  it("makes every cut a whole number of fen, at least 1", () => {
    fc.assert(
      fc.property(plan, ({ cuts }) => {
        for (const cut of cuts) {
          expect(Number.isInteger(cut)).toBe(true);
          expect(cut).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never takes the price below the floor, and the last required helper lands exactly on it", () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: 0, max: 1000 }), ({ total, cuts }, floor) => {
        let price = floor + total;
        for (const cut of cuts) {
          price -= cut;
          expect(price).toBeGreaterThanOrEqual(floor);
        }
        expect(price).toBe(floor);
      }),
      { numRuns: 2000 },
    );
  });

  it("front-loads: each cut is no larger than the one before, so the first half cuts more than the second", () => {
    fc.assert(
      fc.property(plan, ({ cuts }) => {
        for (let i = 1; i < cuts.length; i++) expect(cuts[i]!).toBeLessThanOrEqual(cuts[i - 1]!);
        const half = Math.floor(cuts.length / 2);
        expect(sum(cuts.slice(0, half))).toBeGreaterThanOrEqual(sum(cuts.slice(cuts.length - half)));
      }),
      { numRuns: 2000 },
    );
  });

  it("makes the bargain feel close: on average the first of 20 helpers cuts over a fifth, the first ten over 85%", () => {
    const runs = 1000;
    const total = 1_000_000;
    let first = 0;
    let firstTen = 0;
    for (let run = 0; run < runs; run++) {
      const cuts = planBargainCuts(total, 20, seeded(run));
      first += cuts[0]! / total;
      firstTen += sum(cuts.slice(0, 10)) / total;
    }
    expect(first / runs).toBeGreaterThan(0.2);
    expect(firstTen / runs).toBeGreaterThan(0.85);
  });

  it("is random: two draws of the same bargain usually differ", () => {
    const draws = new Set(Array.from({ length: 20 }, (_, i) => planBargainCuts(9899, 20, seeded(i)).join(",")));
    expect(draws.size).toBeGreaterThan(15);
  });

  it("holds at the extremes of the random source", () => {
    for (const value of [0, 0.5, 1 - Number.EPSILON]) {
      const cuts = planBargainCuts(9899, 20, () => value);
      expect(sum(cuts)).toBe(9899);
      expect(Math.min(...cuts)).toBeGreaterThanOrEqual(1);
    }
  });

  it("gives the whole cut to a single helper", () => {
    expect(planBargainCuts(9899, 1)).toEqual([9899]);
  });

  it("gives everyone exactly 1 fen when the cut is 1 fen per helper", () => {
    expect(planBargainCuts(10, 10)).toEqual(Array(10).fill(1));
  });

  it("refuses a bargain that cannot give every helper 1 fen, or has no helpers", () => {
    expect(() => planBargainCuts(9, 10)).toThrow(RangeError);
    expect(() => planBargainCuts(100, 0)).toThrow(RangeError);
    expect(() => planBargainCuts(10.5, 2)).toThrow(RangeError);
  });
});
