// The D1 rows each request costs, as D1 bills them (rows read and rows written, every index entry
// a row): the numbers README's "What it costs" multiplies by traffic. Each request goes through the
// worker with a D1 binding that adds up the meta of every statement sent, waitUntil work included.
import { createExecutionContext, createMessageBatch, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { Visit } from "../db/record-visit";
import worker from "../worker/index";
import { CONTACT, Client, ORIGIN, createProduct, distributorWithLink, newPhone, signInMerchant } from "./helpers";

type Rows = { read: number; written: number };
type Meta = { rows_read?: number; rows_written?: number };

/** A D1 binding that counts; drizzle's row arrays carry no meta, so they are read as objects, as drizzle's own batch does. */
function metered(d1: D1Database, rows: Rows): D1Database {
  const add = (meta: Meta) => {
    rows.read += meta.rows_read ?? 0;
    rows.written += meta.rows_written ?? 0;
  };
  const originals = new WeakMap<object, D1PreparedStatement>();
  const wrap = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const all = async () => {
      const result = await stmt.all<Record<string, unknown>>();
      add(result.meta);
      return result;
    };
    const proxy = new Proxy(stmt, {
      get(target, key) {
        if (key === "bind") return (...args: unknown[]) => wrap(target.bind(...args));
        if (key === "all" || key === "run") return all;
        if (key === "first")
          return async (column?: string) => {
            const row = (await all()).results[0] ?? null;
            return column ? (row?.[column] ?? null) : row;
          };
        if (key === "raw") return async () => (await all()).results.map((row) => Object.values(row));
        const value = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    originals.set(proxy, stmt);
    return proxy;
  };
  return new Proxy(d1, {
    get(target, key) {
      // requests read through a Sessions API session of the binding: count it the same way
      if (key === "withSession") {
        return (start: string) => metered(target.withSession(start) as unknown as D1Database, rows);
      }
      if (key === "prepare") return (query: string) => wrap(target.prepare(query));
      if (key === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          const results = await target.batch(statements.map((s) => originals.get(s) ?? s));
          for (const result of results) add(result.meta);
          return results;
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** One request through the worker, as a phone in a chat app; `client` keeps the cookies. */
async function rowsOf(
  path: string,
  opts: { client?: Client; body?: unknown; method?: string; headers?: Record<string, string> } = {},
) {
  const rows: Rows = { read: 0, written: 0 };
  const method = opts.method ?? (opts.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { "user-agent": "Mozilla/5.0 (iPhone) MicroMessenger/8.0", ...opts.headers };
  if (method !== "GET") headers.origin = ORIGIN;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (opts.client?.cookies.size) headers.cookie = [...opts.client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const request = new Request(`${ORIGIN}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    redirect: "manual",
  });
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    request as Parameters<typeof worker.fetch>[0],
    { ...env, DB: metered(env.DB, rows) },
    ctx,
  );
  const body = await res.text();
  await waitOnExecutionContext(ctx);
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    opts.client?.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
  return { status: res.status, body, ...rows };
}

async function cronRows(): Promise<Rows> {
  const rows: Rows = { read: 0, written: 0 };
  const ctx = createExecutionContext();
  const controller = { scheduledTime: Date.now(), cron: "* * * * *", noRetry() {} } as ScheduledController;
  await worker.scheduled(controller, { ...env, DB: metered(env.DB, rows) }, ctx);
  await waitOnExecutionContext(ctx);
  return rows;
}

describe("D1 rows per request (README: What it costs)", () => {
  let product: { id: number };
  let link: string;
  let distributorUserId: number;

  beforeAll(async () => {
    const merchant = await signInMerchant();
    for (let i = 0; i < 9; i++) await createProduct(merchant);
    product = await createProduct(merchant, { stock: 1000 });
    const seller = await distributorWithLink(product.id);
    link = seller.link;
    distributorUserId = seller.userId;
  });

  it("pages: the home page reads one row per product on sale, a product page one row", async () => {
    expect(await rowsOf("/")).toMatchObject({ status: 200, read: 10, written: 0 });
    expect(await rowsOf(`/p/${product.id}`)).toMatchObject({ status: 200, read: 1, written: 0 });
  });

  it("a share-link click: its visit row and its 5 index entries, and a few index reads to decide uniqueness", async () => {
    const shopper = new Client();
    const first = await rowsOf(`/s/${link}`, { client: shopper });
    expect(first.status).toBe(302);
    // +1 written: the AUTOINCREMENT counter, once per statement (so once per batch)
    // +4: the visit's row of the day in the rollup (visit_days) and its 3 index entries
    expect(first.written).toBe(11);
    // +1 of them: counting the visit into its day probes the same index once more
    expect(first.read).toBeLessThanOrEqual(11);
  });

  it("a queue delivery of 100 first visits: 6 rows written and ~7 read per visit, and one rollup row", async () => {
    const at = Date.now();
    const visits: Visit[] = Array.from({ length: 100 }, (_, i) => ({
      id: `rows-${i}`,
      linkCode: link,
      distributorUserId,
      visitorId: `rows-visitor-${i}`,
      at: at + i,
      referer: null,
      country: "CN",
      device: "mobile",
    }));
    const batch = createMessageBatch(
      "storefront-visits",
      visits.map((body, i) => ({ id: String(i), timestamp: new Date(at), attempts: 1, body })),
    );
    const rows: Rows = { read: 0, written: 0 };
    await worker.queue(batch, { ...env, DB: metered(env.DB, rows) });
    // +3: the link's row of the day, already there (the click above), updated with its 2 covering indexes
    expect(rows.written).toBe(604);
    expect(rows.read).toBeLessThanOrEqual(710);
  });

  it("an order: placing it and paying it", async () => {
    const guest = new Client();
    const placed = await rowsOf("/api/orders", {
      client: guest,
      body: { items: [{ product_id: product.id, quantity: 1 }], contact: CONTACT },
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    expect(placed).toMatchObject({ status: 201, read: 5, written: 14 });
    const id = JSON.parse(placed.body).order.id;
    expect(await rowsOf(`/api/orders/${id}/pay`, { client: guest, method: "POST" })).toMatchObject({
      status: 200,
      read: 6,
      written: 3,
    });
  });

  it("a payment under an Idempotency-Key: the claim and its answer, then a retry that only reads", async () => {
    const guest = new Client();
    const placed = await rowsOf("/api/orders", {
      client: guest,
      body: { items: [{ product_id: product.id, quantity: 1 }], contact: CONTACT },
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    const id = JSON.parse(placed.body).order.id;
    const key = { "idempotency-key": crypto.randomUUID() };
    const first = await rowsOf(`/api/orders/${id}/pay`, { client: guest, method: "POST", headers: key });
    expect(first).toMatchObject({ status: 200, written: 7 });
    // 8 to 10 rows read, as SQLite's plan for the claim's conflict check goes
    expect(first.read).toBeLessThanOrEqual(10);
    const retry = await rowsOf(`/api/orders/${id}/pay`, { client: guest, method: "POST", headers: key });
    expect(retry).toMatchObject({ status: 200, read: 2, written: 0 });
  });

  it("a shopper's account: sign-up, sign-in, the daily check-in", async () => {
    const phone = newPhone();
    const shopper = new Client();
    expect(
      await rowsOf("/api/auth/signup", { client: shopper, body: { phone, password: "correct-horse" } }),
    ).toMatchObject({ status: 201, read: 5, written: 6 });
    expect(
      await rowsOf("/api/auth/login", { client: new Client(), body: { phone, password: "correct-horse" } }),
    ).toMatchObject({ status: 200, read: 4, written: 3 });
    expect(await rowsOf("/checkin", { client: shopper })).toMatchObject({ status: 200, written: 0 });
    const checkin = await rowsOf("/api/checkin", { client: shopper, method: "POST" });
    expect(checkin).toMatchObject({ status: 200, written: 5 });
    expect(checkin.read).toBeLessThanOrEqual(15);
  });

  it("the minute cron, on a store with no past orders", async () => {
    expect((await cronRows()).read).toBeLessThanOrEqual(30);
  });

  it("the minute cron reads a bounded number of rows however many orders the store has had", async () => {
    // 60 orders completed 8 days ago through the distributor, each with 500 of commission pending
    const completedAt = Date.now() - 8 * 24 * 3600 * 1000;
    const ids = Array.from({ length: 60 }, (_, i) => `cron-rows-${i}`);
    await env.DB.batch(
      ids.flatMap((id) => [
        env.DB.prepare(
          `INSERT INTO orders (id, status, subtotal_cents, total_cents, distributor_user_id, contact_name, contact_phone,
             contact_address, payment_provider, hold_until, created_at, paid_at, completed_at)
           VALUES (?, 'completed', 5000, 5000, ?, '顾客', '13900000000', '上海', 'demo', ?, ?, ?, ?)`,
        ).bind(id, distributorUserId, completedAt, completedAt, completedAt, completedAt),
        env.DB.prepare(
          `INSERT INTO commission_ledger (distributor_user_id, order_id, level, bucket, event, amount_cents, created_at)
           VALUES (?, ?, 1, 'pending', 'accrue', 500, ?)`,
        ).bind(distributorUserId, id, completedAt),
      ]),
    );
    const available = async () =>
      (await env.DB.prepare(
        "SELECT coalesce(sum(amount_cents), 0) AS n FROM commission_ledger WHERE distributor_user_id = ? AND bucket = 'available'",
      )
        .bind(distributorUserId)
        .first<{ n: number }>())!.n;
    await cronRows(); // matures all 60 at once
    expect(await available()).toBe(60 * 500);
    // every minute after that: none of the 60 is read again (it was ~2.5 rows per order ever)
    expect((await cronRows()).read).toBeLessThanOrEqual(30);
    expect(await available()).toBe(60 * 500);
  });
});
