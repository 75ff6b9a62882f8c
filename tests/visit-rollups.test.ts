// The per-day, per-link visit rollups equal the raw visits they count, however the visits arrive:
// double taps, the same batch written twice, a queue redelivering part of a batch, two isolates at once.
import { createMessageBatch, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { calendarDay } from "../core/rules/checkin-reward";
import { recordVisits, type Visit } from "../db/record-visit";
import { createProduct, distributorWithLink, signInMerchant, worker } from "./helpers";

const ZONE = "Asia/Shanghai";
const HOUR_MS = 3_600_000;

type Count = { day: string; link_code: string; visits: number; unique_visits: number };

/** The raw visits of these links, counted per store day and link. */
async function rawCounts(links: string[]): Promise<Count[]> {
  const { results } = await env.DB.prepare(
    `SELECT link_code, at, is_unique FROM visits WHERE link_code IN (${links.map(() => "?").join(", ")})`,
  )
    .bind(...links)
    .all<{ link_code: string; at: number; is_unique: number }>();
  const counts = new Map<string, Count>();
  for (const row of results) {
    const day = calendarDay(row.at, ZONE);
    const key = `${day} ${row.link_code}`;
    const count = counts.get(key) ?? { day, link_code: row.link_code, visits: 0, unique_visits: 0 };
    count.visits += 1;
    count.unique_visits += row.is_unique;
    counts.set(key, count);
  }
  const key = (c: Count) => `${c.day} ${c.link_code}`;
  // as SQLite orders text: by code unit, not by locale
  return [...counts.values()].sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

async function rollups(links: string[]): Promise<Count[]> {
  const { results } = await env.DB.prepare(
    `SELECT day, link_code, visits, unique_visits FROM visit_days
     WHERE link_code IN (${links.map(() => "?").join(", ")}) ORDER BY day, link_code`,
  )
    .bind(...links)
    .all<Count>();
  return results;
}

/** A small deterministic generator: the same run every time. */
function sequence(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return (x >>> 16) % n; // the low bits of this generator repeat too soon
  };
}

describe("visit rollups", () => {
  it("equal the raw counts after a run of mixed visits: duplicates, two isolates, retries, redeliveries", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const sellers = [await distributorWithLink(product.id), await distributorWithLink(product.id)];
    const links = sellers.map((s) => s.link);
    const distributorOf = new Map(
      await Promise.all(
        sellers.map(async (s) => {
          const row = await env.DB.prepare("SELECT distributor_user_id AS id FROM links WHERE code = ?")
            .bind(s.link)
            .first<{ id: number }>();
          return [s.link, row!.id] as const;
        }),
      ),
    );
    // three hours around the store's midnight (16:00 UTC), so the visits fall on two store days
    const start = Date.parse("2026-11-20T14:30:00Z");
    const next = sequence(20261126);
    const visits: Visit[] = Array.from({ length: 240 }, (_, i) => {
      const linkCode = links[next(2)]!;
      return {
        id: `rollup-${linkCode}-${i}`,
        linkCode,
        distributorUserId: distributorOf.get(linkCode)!,
        // 6 visitors tapping again and again: many repeats inside the 1-hour window
        visitorId: `rollup-visitor-${next(6)}`,
        at: start + Math.floor((i * 3 * HOUR_MS) / 240),
        referer: null,
        country: "CN",
        device: "mobile",
      };
    });

    const write = (batch: Visit[]) => recordVisits(env.DB, batch, HOUR_MS, ZONE);
    for (let i = 0; i < visits.length; i += 40) {
      const chunk = visits.slice(i, i + 40);
      // two isolates write their halves of the chunk at the same time
      const odd = chunk.filter((_, k) => k % 2 === 1);
      const even = chunk.filter((_, k) => k % 2 === 0);
      await Promise.all([write(even), write(odd)]);
      // a write that landed but reported a failure is written again
      await write(odd);
      // the queue redelivers part of a delivery, with a message twice over in it
      const redelivered = [...chunk.slice(5, 15), chunk[7]!];
      await worker.queue(
        createMessageBatch<Visit>(
          "storefront-visits",
          redelivered.map((body, k) => ({ id: `m${i}-${k}`, timestamp: new Date(body.at), attempts: 2, body })),
        ),
        env,
      );
    }

    const raw = await rawCounts(links);
    expect(raw.reduce((n, c) => n + c.visits, 0)).toBe(240); // each visit stored once
    expect(new Set(raw.map((c) => c.day))).toEqual(new Set(["2026-11-20", "2026-11-21"]));
    const repeats = raw.reduce((n, c) => n + c.visits - c.unique_visits, 0);
    expect(repeats).toBeGreaterThan(100); // the run did tap again within the hour
    expect(await rollups(links)).toEqual(raw);
  });

  it("a distributor's stats and the dashboard read the rollups", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const seller = await distributorWithLink(product.id);
    const userId = (await env.DB.prepare("SELECT distributor_user_id AS id FROM links WHERE code = ?")
      .bind(seller.link)
      .first<{ id: number }>())!.id;
    const today = async () => (await merchant.json("/api/admin/dashboard")).body.days.at(-1)!;
    const before = await today();
    // a rollup row with no raw visits behind it: only a reader of the rollups can see these numbers
    await env.DB.prepare(
      "INSERT INTO visit_days (day, link_code, distributor_user_id, visits, unique_visits) VALUES (?, ?, ?, 70, 30)",
    )
      .bind(calendarDay(Date.now(), ZONE), seller.link, userId)
      .run();
    const stats = (await seller.client.json<{ visits: number; unique_visits: number }>("/api/distributor/stats")).body;
    expect(stats).toMatchObject({ visits: 70, unique_visits: 30 });
    const board = (await merchant.json("/api/admin/distributors")).body.distributors;
    expect(board.find((d) => d.user_id === userId)).toMatchObject({ visits: 70, unique_visits: 30 });
    const after = await today();
    expect([after.visits - before.visits, after.unique_visits - before.unique_visits]).toEqual([70, 30]);
  });
});
