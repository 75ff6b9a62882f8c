// Pages from the edge cache: a product page is rendered once and then served from the Cache API
// without D1; a merchant's edit shows on the very next request; a signed-in shopper's own page is
// never stored.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../worker/app-env";
import { readYourWrites } from "../worker/middleware/database";
import { EDGE_CACHE_HEADER, edgeCache, edgeCacheStorage } from "../worker/middleware/edge-cache";
import { requestContext } from "../worker/middleware/request-context";
import { currentUser } from "../worker/middleware/session";
import { type Client, ORIGIN, createProduct, now, signInMerchant, signUp, worker } from "./helpers";

/** The D1 binding, counting every statement and session a request opens on it. */
function countingDb() {
  const used = { calls: 0 };
  const count = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, key) {
        const value = Reflect.get(t, key);
        if (key === "withSession" || key === "prepare" || key === "batch" || key === "exec") {
          return (...args: unknown[]) => {
            used.calls += 1;
            const out = (value as (...a: unknown[]) => unknown).apply(t, args);
            return key === "withSession" ? count(out as object) : out;
          };
        }
        return typeof value === "function" ? value.bind(t) : value;
      },
    });
  return { used, bindings: { ...env, DB: count(env.DB) } };
}

/** One page request, waiting for what it handed to waitUntil (the cache write) to finish. */
async function page(path: string, opts: { cookie?: string } = {}) {
  const { used, bindings } = countingDb();
  const ctx = createExecutionContext();
  const request = new Request(`${ORIGIN}${path}`, { headers: opts.cookie ? { cookie: opts.cookie } : {} });
  const res = await worker.fetch(request as Parameters<typeof worker.fetch>[0], bindings, ctx);
  const html = await res.text();
  await waitOnExecutionContext(ctx);
  return { res, html, d1Calls: used.calls, cache: res.headers.get(EDGE_CACHE_HEADER) };
}

const cookieOf = (client: Client) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");

describe("pages from the edge cache", () => {
  it("a product page is rendered once, then served from the cache with 0 D1 round trips", async () => {
    const product = await createProduct(await signInMerchant(), { title: "缓存茶", price_cents: 12300 });
    const first = await page(`/p/${product.id}`);
    expect(first).toMatchObject({ cache: "miss" });
    expect(first.d1Calls).toBeGreaterThan(0);
    expect(first.res.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=30");
    // a chat app's query string is the same page
    const again = await page(`/p/${product.id}?from=singlemessage&isappinstalled=0`);
    expect(again).toMatchObject({ cache: "hit", d1Calls: 0 });
    expect(again.res.status).toBe(200);
    expect(again.html).toBe(first.html);
    expect(again.res.headers.getSetCookie()).toEqual([]);
  });

  it("a merchant's price edit is visible on the next request of the cached page", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { title: "改价茶", price_cents: 12300 });
    expect((await page(`/p/${product.id}`)).html).toContain("123.00");
    expect(await page(`/p/${product.id}`)).toMatchObject({ cache: "hit" });
    for (const cents of [9900, 8800, 7700]) {
      const edit = await merchant.json(`/api/admin/products/${product.id}`, {
        method: "PATCH",
        body: { price_cents: cents },
      });
      expect(edit.status).toBe(200);
      const next = await page(`/p/${product.id}`);
      expect(next.cache).toBe("miss");
      expect(next.html).toContain(`${cents / 100}.00`);
      expect(next.html).not.toContain("123.00");
      expect(await page(`/p/${product.id}`)).toMatchObject({ cache: "hit", d1Calls: 0 });
    }
  });

  it("a new product is on the home page at once", async () => {
    const merchant = await signInMerchant();
    await page("/");
    expect(await page("/")).toMatchObject({ cache: "hit" });
    await createProduct(merchant, { title: "新上架的蜂蜜" });
    const home = await page("/");
    expect(home.cache).toBe("miss");
    expect(home.html).toContain("新上架的蜂蜜");
  });

  it("a signed-in shopper's page is never cached; their product page is everyone's, with none of their data", async () => {
    const { client } = await signUp("缓存测试员");
    await client.json("/api/checkin", { method: "POST" });
    const cookie = cookieOf(client);
    for (let i = 0; i < 2; i++) {
      const own = await page("/checkin", { cookie });
      expect(own.res.status).toBe(200);
      expect(own.cache).toBeNull();
      expect(own.d1Calls).toBeGreaterThan(0);
      expect(own.res.headers.get("cache-control")).toBe("private, no-store");
      expect(own.html).toContain("今日已签到");
    }
    expect((await page("/checkin")).html).not.toContain("今日已签到"); // a stranger never gets theirs

    const product = await createProduct(await signInMerchant());
    const theirs = await page(`/p/${product.id}`, { cookie });
    const stranger = await page(`/p/${product.id}`);
    expect(stranger).toMatchObject({ cache: "hit", d1Calls: 0 });
    expect(stranger.html).toBe(theirs.html);
    expect(theirs.html).not.toContain("缓存测试员");
  });

  it("a cached route that reads who is signed in is not stored, and neither is a missing product", async () => {
    // a page of its own behind edgeCache, which asks who is signed in, as a careless route might
    const app = new Hono<AppEnv>()
      .use(requestContext(now), readYourWrites)
      .get("/whoami", edgeCache, async (c) => c.text((await currentUser(c))?.nickname ?? "nobody"));
    const { client } = await signUp("只属于我");
    const ask = async () => {
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request(`${ORIGIN}/whoami`, { headers: { cookie: cookieOf(client) } }), env, ctx);
      await waitOnExecutionContext(ctx);
      return { text: await res.text(), cache: res.headers.get(EDGE_CACHE_HEADER) };
    };
    expect(await ask()).toEqual({ text: "只属于我", cache: null });
    expect(await edgeCacheStorage().match(`${ORIGIN}/whoami`)).toBeUndefined();
    expect((await page("/p/99999999")).res.status).toBe(404);
    expect(await page("/p/99999999")).toMatchObject({ cache: null });
  });
});
