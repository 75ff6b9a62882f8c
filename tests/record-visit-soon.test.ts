// The redirect's visit batches: who carries which visit, how big a write is, what a failure does.
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { recordVisits, type Visit } from "../db/record-visit";
import { recordVisitSoon } from "../worker/services/record-visit-soon";

const visit = (n: number): Visit => ({
  id: `visit-${n}`,
  linkCode: "Xk7pQm2R",
  distributorUserId: 1,
  visitorId: `visitor-${String(n).padStart(13, "0")}`,
  at: 1_700_000_000_000 + n,
  referer: null,
  country: null,
  device: "mobile",
});

afterEach(() => vi.restoreAllMocks());

describe("recordVisitSoon", () => {
  it("250 visits at once: the first request carries them all, written 100, 100 and 50 in click order", async () => {
    const writes: Visit[][] = [];
    const destination = {};
    const carriers = Array.from({ length: 250 }, (_, n) =>
      recordVisitSoon(destination, visit(n), async (b) => void writes.push(b)),
    );
    expect(carriers.filter((p) => p !== undefined)).toHaveLength(1);
    expect(writes).toEqual([]); // nothing before the batch window closes
    await carriers[0];
    expect(writes.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(writes.flat().map((v) => v.at)).toEqual(Array.from({ length: 250 }, (_, n) => visit(n).at));
  });

  it("once a batch is being written, the next visit opens a new one", async () => {
    const writes: Visit[][] = [];
    const destination = {};
    const write = async (b: Visit[]) => void writes.push(b);
    const first = recordVisitSoon(destination, visit(1), write);
    await first;
    const second = recordVisitSoon(destination, visit(2), write);
    expect(second).toBeInstanceOf(Promise);
    await second;
    expect(writes.map((b) => b.map((v) => v.at))).toEqual([[visit(1).at], [visit(2).at]]);
  });

  it("each destination (a database, a queue) has its own batch", async () => {
    const [a, b] = [{}, {}];
    const written: string[] = [];
    const pa = recordVisitSoon(a, visit(1), async () => void written.push("a"));
    const pb = recordVisitSoon(b, visit(2), async () => void written.push("b"));
    expect(pa).toBeInstanceOf(Promise);
    expect(pb).toBeInstanceOf(Promise);
    await Promise.all([pa, pb]);
    expect(written.sort()).toEqual(["a", "b"]);
  });

  it("a failed write is tried once more; a second failure is logged with the count, never thrown", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw new Error("D1_ERROR: network lost");
    };
    await recordVisitSoon({}, visit(1), flaky);
    expect(calls).toBe(2);
    expect(errors).not.toHaveBeenCalled();

    calls = 0;
    const broken = async () => {
      calls += 1;
      throw new Error("D1_ERROR: overloaded");
    };
    const destination = {};
    const carrier = recordVisitSoon(destination, visit(1), broken);
    expect(recordVisitSoon(destination, visit(2), broken)).toBeUndefined();
    await expect(carrier).resolves.toBeUndefined();
    expect(calls).toBe(2);
    expect(errors).toHaveBeenCalledOnce();
    expect(JSON.parse(String(errors.mock.calls[0]![0]))).toMatchObject({
      level: "error",
      event: "visits.not_recorded",
      visits: 2,
      error: "Error: D1_ERROR: overloaded",
    });
  });

  it("a write that landed but reported a failure is retried without adding a second row", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const linkCode = "RetryL1k";
    const visits = [0, 1, 2].map((n) => ({ ...visit(n), id: `retry-${n}`, linkCode }));
    let calls = 0;
    const landsThenFails = async (batch: Visit[]) => {
      calls += 1;
      await recordVisits(env.DB, batch, 3_600_000, "Asia/Shanghai");
      if (calls === 1) throw new Error("D1_ERROR: response lost");
    };
    const destination = {};
    const carrier = recordVisitSoon(destination, visits[0]!, landsThenFails);
    for (const v of visits.slice(1)) recordVisitSoon(destination, v, landsThenFails);
    await carrier;
    expect(calls).toBe(2);
    expect(errors).not.toHaveBeenCalled(); // the retry succeeded: nothing was refused, nothing lost
    const { results } = await env.DB.prepare("SELECT visit_id, is_unique FROM visits WHERE link_code = ? ORDER BY id")
      .bind(linkCode)
      .all();
    expect(results).toEqual([
      { visit_id: "retry-0", is_unique: 1 },
      { visit_id: "retry-1", is_unique: 1 },
      { visit_id: "retry-2", is_unique: 1 },
    ]);
  });
});
