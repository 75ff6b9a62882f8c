// The short-link Worker (worker/short-links.ts), the store's front door: it answers a tap on
// /s/:code itself and passes everything else to the store, whose pages, API and cookies must not
// notice the difference. Here the store behind it is the real worker, over the tests' bindings.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Visit } from "../db/record-visit";
import { VisitInbox } from "../worker/index";
import shortLinkWorker, { type ShortLinkBindings } from "../worker/short-links";
import {
  Client,
  createProduct,
  distributorStatsOf,
  distributorWithLink,
  placeOrder,
  productStock,
  signInMerchant,
  storeFetch,
} from "./helpers";

const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.47";

/** An answer as a service binding hands it over: changing its headers throws, as in workerd. */
function withImmutableHeaders(res: Response): Response {
  const headers = new Proxy(res.headers, {
    get(target, key) {
      if (key === "set" || key === "append" || key === "delete") {
        return () => {
          throw new TypeError("Can't modify immutable headers.");
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return new Proxy(res, {
    get(target, key) {
      if (key === "headers") return headers;
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** What went where: the visits the inbox was handed, the requests passed to the store. */
type Seen = { inboxBatches: Visit[][]; queueBatches: Visit[][]; toStore: string[] };

/**
 * A client of the front door, as a phone sees the store: the short-link Worker with the store behind
 * its STORE binding and the store's own VisitInbox behind VISIT_INBOX (or a queue, if `queue`).
 * Each request waits for what the Worker does after answering (the visit batch).
 */
function frontDoor(opts: { queue?: boolean; db?: D1Database; storeDown?: boolean } = {}): {
  client: Client;
  seen: Seen;
  send: (request: Request) => Promise<Response>;
} {
  const seen: Seen = { inboxBatches: [], queueBatches: [], toStore: [] };
  const inbox = new VisitInbox(createExecutionContext(), env);
  const bindings: Env & ShortLinkBindings = {
    ...env,
    DB: opts.db ?? env.DB,
    STORE: {
      fetch: async (request: Request) => {
        seen.toStore.push(`${request.method} ${new URL(request.url).pathname}`);
        if (opts.storeDown) throw new Error("Network connection lost.");
        return withImmutableHeaders(await storeFetch(request));
      },
    } as Fetcher,
    VISIT_INBOX: {
      record: async (visits: Visit[]) => {
        seen.inboxBatches.push(visits);
        await inbox.record(visits);
      },
    },
  };
  if (opts.queue) {
    bindings.VISITS = {
      sendBatch: async (messages: { body: Visit }[]) => void seen.queueBatches.push(messages.map((m) => m.body)),
    } as unknown as Queue<Visit>;
  }
  const send = async (request: Request) => {
    const ctx = createExecutionContext();
    const res = await shortLinkWorker.fetch(request as Parameters<typeof shortLinkWorker.fetch>[0], bindings, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  };
  return { client: new Client(env, send), seen, send };
}

const visitRows = async (code: string) =>
  (
    await env.DB.prepare("SELECT visitor_id, device, is_unique FROM visits WHERE link_code = ? ORDER BY at")
      .bind(code)
      .all<{ visitor_id: string; device: string; is_unique: number }>()
  ).results;

/** Waits until `n` visits of the link are written (the store writes a tap's visit after its answer). */
async function clickWritten(code: string, n: number) {
  for (let tries = 0; (await visitRows(code)).length < n; tries++) {
    if (tries > 100) throw new Error(`fewer than ${n} visits written`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(await visitRows(code)).toHaveLength(n);
}

describe("the short-link Worker in front of the store", () => {
  it("answers a tap itself: 302 to the product, both cookies, the visit written through the store's inbox", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 9900, stock: 10 });
    const seller = await distributorWithLink(product.id);
    const { client, seen } = frontDoor();

    const res = await client.fetch(`/s/${seller.link}`, { headers: { "user-agent": PHONE_UA } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`http://store.test/p/${product.id}`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(client.cookies.get("ref")).toMatch(new RegExp(`^${seller.link}~\\d+\\.`));
    expect(client.cookies.get("vid")).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(seen.toStore).toEqual([]);
    expect(seen.inboxBatches.map((b) => b.length)).toEqual([1]);
    expect(await visitRows(seller.link)).toEqual([
      { visitor_id: client.cookies.get("vid"), device: "mobile", is_unique: 1 },
    ]);
  });

  it("the store honours its cookies: the order placed after the tap is the link's, and earns its 10%", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 9900, stock: 10 });
    const seller = await distributorWithLink(product.id);
    const { client: shopper, seen } = frontDoor();

    await shopper.fetch(`/s/${seller.link}`, { headers: { "user-agent": PHONE_UA } });
    const placed = await placeOrder(shopper, product.id);
    expect(placed.status).toBe(201);
    expect(placed.body.order.referrer_code).toBe(seller.link);
    expect((await shopper.json(`/api/orders/${placed.body.order.id}/pay`, { method: "POST" })).status).toBe(200);

    expect(seen.toStore).toEqual(["POST /api/orders", `POST /api/orders/${placed.body.order.id}/pay`]);
    expect(await productStock(product.id)).toMatchObject({ stock: 9 });
    expect(await distributorStatsOf(seller.client)).toMatchObject({
      visits: 1,
      unique_visits: 1,
      orders: 1,
      sales_cents: 9900,
      commission: { pending_cents: 990, available_cents: 0, reversed_cents: 0 },
    });
  });

  it("passes everything else to the store unchanged: pages, the poster, an unknown code's 404 page", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 9900 });
    const seller = await distributorWithLink(product.id);
    const { client, seen } = frontDoor();

    const page = await client.fetch(`/p/${product.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("¥99.00");
    const poster = await client.fetch(`/s/${seller.link}/poster.png`);
    expect(poster.status).toBe(200);
    expect(poster.headers.get("content-type")).toBe("image/png");
    const unknown = await client.fetch("/s/ZZZZZZZZ", { headers: { "user-agent": PHONE_UA } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toMatch(/^text\/html/);
    const malformed = await client.fetch("/s/not-a-code!", { headers: { "user-agent": PHONE_UA } });
    expect(malformed.status).toBe(404);
    expect(seen.toStore).toEqual([
      `GET /p/${product.id}`,
      `GET /s/${seller.link}/poster.png`,
      "GET /s/ZZZZZZZZ",
      "GET /s/not-a-code!",
    ]);
    expect(seen.inboxBatches).toEqual([]);
  });

  it("a chat app's link preview and a HEAD are redirected, with no cookie and no visit", async () => {
    const merchant = await signInMerchant();
    const seller = await distributorWithLink((await createProduct(merchant)).id);
    const { client, seen } = frontDoor();

    const preview = await client.fetch(`/s/${seller.link}`, {
      headers: { "user-agent": "TelegramBot (like TwitterBot)" },
    });
    const head = await client.fetch(`/s/${seller.link}`, { method: "HEAD", headers: { "user-agent": PHONE_UA } });
    expect([preview.status, head.status]).toEqual([302, 302]);
    expect(client.cookies.size).toBe(0);
    expect(seen.inboxBatches).toEqual([]);
    expect(await visitRows(seller.link)).toEqual([]);
  });

  it("40 taps at once from 10 phones lose no visit and count none twice: 40 rows, 10 unique", async () => {
    const merchant = await signInMerchant();
    const seller = await distributorWithLink((await createProduct(merchant)).id);
    // one front door (one isolate, one inbox) for every phone, as in a data centre
    const door = frontDoor();
    const phones = Array.from({ length: 10 }, () => new Client(env, door.send));
    const tap = (phone: Client) => phone.fetch(`/s/${seller.link}`, { headers: { "user-agent": PHONE_UA } });
    await Promise.all(phones.map(tap)); // each phone's first tap gives it its visitor cookie
    await Promise.all(phones.flatMap((phone) => [tap(phone), tap(phone), tap(phone)]));

    const rows = await visitRows(seller.link);
    expect(rows).toHaveLength(40);
    expect(door.seen.inboxBatches.flat()).toHaveLength(40);
    expect(door.seen.inboxBatches.length).toBeLessThan(40); // batched, not one write per tap
    expect(new Set(rows.map((r) => r.visitor_id))).toEqual(new Set(phones.map((p) => p.cookies.get("vid"))));
    expect(rows.filter((r) => r.is_unique === 1)).toHaveLength(10);
  });

  it("/s/<code>/ is the store's to answer (404), as it was: no redirect, no cookie, no visit", async () => {
    const merchant = await signInMerchant();
    const seller = await distributorWithLink((await createProduct(merchant)).id);
    const { client, seen } = frontDoor();

    const res = await client.fetch(`/s/${seller.link}/`, { headers: { "user-agent": PHONE_UA } });
    expect(res.status).toBe(404);
    expect(seen.toStore).toEqual([`GET /s/${seller.link}/`]);
    expect(client.cookies.size).toBe(0);
    expect(await visitRows(seller.link)).toEqual([]);
  });

  it("a tap it cannot answer (its D1 read fails) is the store's: 302, the cookies, the visit", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    const seller = await distributorWithLink(product.id);
    const failing = new Proxy(env.DB, {
      get: (target, key) =>
        key === "prepare"
          ? () => {
              throw new Error("D1_ERROR: Network connection lost.");
            }
          : Reflect.get(target, key),
    });
    const { client, seen } = frontDoor({ db: failing });

    const res = await client.fetch(`/s/${seller.link}`, { headers: { "user-agent": PHONE_UA } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`http://store.test/p/${product.id}`);
    expect(seen.toStore).toEqual([`GET /s/${seller.link}`]);
    expect(client.cookies.get("ref")).toMatch(new RegExp(`^${seller.link}~`));
    await clickWritten(seller.link, 1);
  });

  it("with the store out of reach: 502, API.md's JSON under /api, a page elsewhere", async () => {
    const { client } = frontDoor({ storeDown: true });

    const api = await client.json("/api/products");
    expect(api.status).toBe(502);
    expect(api.body).toEqual({ error: { code: "internal", message: "Something went wrong on our side" } });
    const page = await client.fetch("/p/1");
    expect(page.status).toBe(502);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain("请稍后再试");
    // a tap on an unknown code needs the store for its 404 page: the same 502 page
    expect((await client.fetch("/s/ZZZZZZZZ", { headers: { "user-agent": PHONE_UA } })).status).toBe(502);
  });

  it("with a queue bound (deployed), visits go to the queue and not to the store", async () => {
    const merchant = await signInMerchant();
    const seller = await distributorWithLink((await createProduct(merchant)).id);
    const { client, seen } = frontDoor({ queue: true });

    await client.fetch(`/s/${seller.link}`, { headers: { "user-agent": PHONE_UA } });
    expect(seen.queueBatches.flat()).toMatchObject([{ linkCode: seller.link, visitorId: client.cookies.get("vid") }]);
    expect(seen.inboxBatches).toEqual([]);
    expect(await visitRows(seller.link)).toEqual([]);
  });
});
