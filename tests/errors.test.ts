// One error path: pages answer people with pages, /api answers clients with API.md's JSON shape.
import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { createApp } from "../worker/index";
import { adminOnly } from "../worker/middleware/admin-only";
import * as session from "../worker/middleware/session";
import { ORIGIN, now, signInMerchant, signUp, storeFetch } from "./helpers";

/** A D1 binding whose every query fails, as an outage would. */
const brokenDb = new Proxy(env.DB, {
  get(target, key) {
    if (key === "withSession") return () => brokenDb;
    if (key === "prepare" || key === "batch" || key === "exec") {
      return () => {
        throw new Error("D1 is down (test)");
      };
    }
    return Reflect.get(target, key);
  },
});

const get = (path: string, accept: string) =>
  storeFetch(new Request(`${ORIGIN}${path}`, { headers: { accept } }), { ...env, DB: brokenDb });

describe("when a handler throws", () => {
  it("a page answers a browser with an HTML error page: status 500, no stack, a way home", async () => {
    for (const path of ["/", "/p/1", "/checkin"]) {
      const res = await get(path, "text/html");
      expect([path, res.status]).toEqual([path, 500]);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain("出错了");
      expect(html).toContain('href="/"');
      expect(html).not.toContain("D1 is down");
      expect(html).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it("/api answers the JSON error shape, status 500, no stack", async () => {
    const res = await get("/api/products", "application/json");
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: "internal", message: "Something went wrong on our side" } });
  });

  it("a page that needs a signed-in shopper sends a stranger to sign in and back; the API answers 401", async () => {
    const page = await storeFetch(new Request(`${ORIGIN}/bargains?tab=mine`, { redirect: "manual" }));
    expect([page.status, page.headers.get("location")]).toEqual([
      302,
      `/login?next=${encodeURIComponent("/bargains?tab=mine")}`,
    ]);
    const api = await storeFetch(new Request(`${ORIGIN}/api/bargains`));
    expect([api.status, ((await api.json()) as { error: { code: string } }).error.code]).toEqual([
      401,
      "unauthenticated",
    ]);
  });

  it("an unknown page is a 404 page, an unknown API route a 404 in the JSON shape", async () => {
    const page = await storeFetch(new Request(`${ORIGIN}/no/such/page`));
    expect([page.status, page.headers.get("content-type")]).toEqual([404, "text/html; charset=UTF-8"]);
    expect(await page.text()).toContain("页面不存在");
    const api = await storeFetch(new Request(`${ORIGIN}/api/no/such`));
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("hono's own refusals keep their status: a JSON body that is not JSON is 400 invalid_input", async () => {
    const { client } = await signUp();
    const res = await client.json("/api/bargains", {
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect([res.status, res.body.error.code]).toEqual([400, "invalid_input"]);
  });
});

describe("the merchant's side has one guard", () => {
  const app = createApp(now);
  const isAdmin = (path: string) => /^\/(api\/)?admin(\/|$)/.test(path);
  /** A concrete URL for a route's pattern: each parameter becomes "1". */
  const urlOf = (pattern: string) => pattern.replace(/:\w+(\{[^}]*\})?/g, "1");

  it("adminOnly is registered twice, once for /api/admin/* and once for /admin/*", () => {
    expect(
      app.routes
        .filter((r) => r.handler === adminOnly)
        .map((r) => r.path)
        .sort(),
    ).toEqual(["/admin/*", "/api/admin/*"]);
  });

  it("runs exactly once for every admin route, those added later included (only the sign-in page goes without)", async () => {
    const routes = app.routes.filter((r) => isAdmin(r.path) && r.handler !== adminOnly && r.method !== "ALL");
    expect(routes.length).toBeGreaterThanOrEqual(25);
    const merchant = await signInMerchant();
    const checks = vi.spyOn(session, "requireAdmin");
    for (const route of routes) {
      checks.mockClear();
      await merchant.fetch(urlOf(route.path), { method: route.method, body: route.method === "GET" ? undefined : {} });
      expect([route.method, route.path, checks.mock.calls.length]).toEqual([
        route.method,
        route.path,
        route.path === "/admin/login" ? 0 : 1,
      ]);
    }
    checks.mockRestore();
  });
});
