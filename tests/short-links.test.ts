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
function frontDoor(opts: { queue?: boolean } = {}): { client: Client; seen: Seen } {
  const seen: Seen = { inboxBatches: [], queueBatches: [], toStore: [] };
  const inbox = new VisitInbox(createExecutionContext(), env);
  const bindings: Env & ShortLinkBindings = {
    ...env,
    STORE: {
      fetch: async (request: Request) => {
        seen.toStore.push(`${request.method} ${new URL(request.url).pathname}`);
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
  return { client: new Client(env, send), seen };
}

const visitRows = async (code: string) =>
  (
    await env.DB.prepare("SELECT visitor_id, device, is_unique FROM visits WHERE link_code = ? ORDER BY at")
      .bind(code)
      .all<{ visitor_id: string; device: string; is_unique: number }>()
  ).results;

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

  it("40 taps at once lose no visit and count none twice: 40 rows, one unique per phone", async () => {
    const merchant = await signInMerchant();
    const seller = await distributorWithLink((await createProduct(merchant)).id);
    const phones = Array.from({ length: 10 }, () => frontDoor());
    // each phone taps 4 times at once; every phone's taps after its first carry no cookie yet either
    await Promise.all(
      phones.flatMap(({ client }) =>
        Array.from({ length: 4 }, () => client.fetch(`/s/${seller.link}`, { headers: { "user-agent": PHONE_UA } })),
      ),
    );
    const rows = await visitRows(seller.link);
    expect(rows).toHaveLength(40);
    expect(phones.flatMap((p) => p.seen.inboxBatches).flat()).toHaveLength(40);
    expect(new Set(rows.map((r) => r.visitor_id)).size).toBe(40); // no phone had its cookie before its taps
    expect(rows.filter((r) => r.is_unique === 1)).toHaveLength(40);
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
