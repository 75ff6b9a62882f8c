import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../core/contract/settings";
import { Client, createProduct, signInMerchant, signUp, openApiDocument } from "./helpers";

const ADMIN_API: Array<[string, string, unknown?]> = [
  ["GET", "/api/admin/dashboard"],
  ["GET", "/api/admin/distributors"],
  ["POST", "/api/admin/distributors/1/payout"],
  ["GET", "/api/admin/settings"],
  ["PATCH", "/api/admin/settings", { attribution_window_days: 3 }],
  ["GET", "/api/admin/products"],
  ["POST", "/api/admin/products", { title: "x", price_cents: 100, stock: 1 }],
  ["GET", "/api/admin/orders"],
  ["POST", "/api/admin/orders/o-1/refund"],
];

const ADMIN_PAGES = [
  "/admin",
  "/admin/products",
  "/admin/products/new",
  "/admin/orders?status=paid",
  "/admin/distributors",
  "/admin/settings",
];
/** Downloads a merchant starts from an admin page: guarded like the pages. */
const ADMIN_DOWNLOADS = ["/admin/export/orders.csv", "/admin/export/commissions.csv"];

describe("only the merchant gets in", () => {
  it("every admin endpoint refuses a stranger 401 and a shopper 403", async () => {
    const shopper = (await signUp()).client;
    for (const [method, path, body] of ADMIN_API) {
      const stranger = await new Client().json(path, { method, body });
      expect([path, stranger.status, stranger.body.error.code]).toEqual([path, 401, "unauthenticated"]);
      const refused = await shopper.json(path, { method, body });
      expect([path, refused.status, refused.body.error.code]).toEqual([path, 403, "forbidden"]);
    }
    expect(
      (await env.DB.prepare("SELECT value FROM settings WHERE key = 'attribution_window_days'").first()) ?? null,
    ).toBeNull();
  });

  it("admin pages and downloads send a stranger to sign in and back, and show a shopper a 403 page", async () => {
    const shopper = (await signUp("小王")).client;
    for (const path of [...ADMIN_PAGES, ...ADMIN_DOWNLOADS]) {
      const res = await new Client().fetch(path);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(`/admin/login?next=${encodeURIComponent(path)}`);
      const refused = await shopper.fetch(path);
      expect(refused.status).toBe(403);
      const html = await refused.text();
      expect(html).toContain("小王，你当前登录的是顾客账号");
      expect(html).toContain('href="/admin/login"');
    }
  });

  it("a merchant sees every admin page with its nav and the admin bundle, never the shoppers' one", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { title: "后台茶叶" });
    for (const path of [...ADMIN_PAGES, `/admin/products/${product.id}`]) {
      const res = await merchant.fetch(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      const html = await res.text();
      expect(html).toContain('<script type="module" src="/assets/admin.js">');
      expect(html).not.toContain("/assets/app.js");
      expect(html).toContain('href="/admin/distributors"');
    }
    expect(await (await merchant.fetch(`/admin/products/${product.id}`)).text()).toContain("后台茶叶");
    expect((await merchant.fetch("/admin/products/987654")).status).toBe(404);
  });

  it("the sign-in page serves strangers and sends a signed-in merchant on", async () => {
    const page = await new Client().fetch("/admin/login?next=/admin/orders");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-island="AdminLoginForm"');
    const merchant = await signInMerchant();
    const res = await merchant.fetch("/admin/login?next=/admin/orders");
    expect([res.status, res.headers.get("location")]).toEqual([302, "/admin/orders"]);
  });

  it("a cross-site request with the merchant's cookie is refused", async () => {
    const merchant = await signInMerchant();
    const res = await merchant.json("/api/admin/settings", {
      method: "PATCH",
      body: { bargain_helpers: 3 },
      origin: "https://evil.example",
    });
    expect([res.status, res.body.error.code]).toEqual([403, "forbidden_origin"]);
    const payout = await merchant.json("/api/admin/distributors/1/payout", { method: "POST", origin: null });
    expect([payout.status, payout.body.error.code]).toEqual([403, "forbidden_origin"]);
  });
});

describe("the store's settings", () => {
  it("reads the defaults, saves a valid change and refuses an invalid one field by field", async () => {
    const merchant = await signInMerchant();
    expect((await merchant.json("/api/admin/settings")).body.settings).toEqual(DEFAULT_SETTINGS);

    const badZone = await merchant.json("/api/admin/settings", {
      method: "PATCH",
      body: { time_zone: "Mars/Olympus_Mons" },
    });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.code).toBe("invalid_input");
    expect(badZone.body.error.issues.map((i: { path: string[] }) => i.path.join("."))).toEqual(["time_zone"]);

    const bad = await merchant.json("/api/admin/settings", {
      method: "PATCH",
      body: { attribution_window_days: 0, checkin_schedule_cents: [450, -1], commission_bp: 10001, unknown_key: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string[] }) => i.path.join(".")).sort()).toEqual(
      ["", "attribution_window_days", "checkin_schedule_cents.1", "commission_bp"].sort(),
    );
    expect((await merchant.json("/api/admin/settings")).body.settings).toEqual(DEFAULT_SETTINGS);

    const changes = { attribution_window_days: 14, checkin_schedule_cents: [100, 200], time_zone: "America/New_York" };
    const saved = await merchant.json("/api/admin/settings", { method: "PATCH", body: changes });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toEqual({ ...DEFAULT_SETTINGS, ...changes });
    expect((await merchant.json("/api/admin/dashboard")).body.time_zone).toBe("America/New_York");
    expect((await merchant.json("/api/checkin")).body.schedule_cents).toEqual([100, 200]);

    await merchant.json("/api/admin/settings", { method: "PATCH", body: DEFAULT_SETTINGS });
    expect((await merchant.json("/api/admin/settings")).body.settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe("the contract", () => {
  it("the admin endpoints are described in /api/openapi.json", async () => {
    const body = await openApiDocument();
    for (const path of [
      "/api/admin/dashboard",
      "/api/admin/distributors",
      "/api/admin/distributors/{user_id}/payout",
      "/api/admin/settings",
    ]) {
      expect(Object.keys(body.paths)).toContain(path);
    }
    expect(Object.keys(body.paths["/api/admin/settings"])).toEqual(expect.arrayContaining(["get", "patch"]));
  });
});
