import { describe, expect, it } from "vitest";
import { Client, createProduct, signInMerchant, setClockForTests, type OpenApiDocument } from "./helpers";

describe("storefront pages", () => {
  it("the product page carries the price, the live sale and the card tags a chat app draws", async () => {
    const merchant = await signInMerchant();
    const now = Date.now();
    const product = await createProduct(merchant, {
      title: "阿克苏苹果",
      description: "冰糖心",
      image_url: "/img/apple.svg",
      price_cents: 4990,
      flash_sale: {
        price_cents: 2990,
        starts_at: new Date(now - 3600_000).toISOString(),
        ends_at: new Date(now + 3600_000).toISOString(),
        stock: 7,
      },
    });
    const res = await new Client().fetch(`/p/${product.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<meta property="og:title" content="阿克苏苹果"/>');
    expect(html).toContain('<meta property="og:description" content="¥29.90 · 冰糖心"/>');
    // its chat card, a JPEG the store draws (tests/pictures.test.ts), never the SVG it was given
    expect(html).toMatch(
      /<meta property="og:image" content="http:\/\/store\.test\/pictures\/cards\/\d+\/[0-9a-f]{16}\.jpg"\/>/,
    );
    expect(html).toContain('<meta property="og:type" content="product"/>');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    // the cover is the page's largest picture: asked for first
    expect(html).toContain(
      '<img src="/img/apple.svg" alt="阿克苏苹果" width="720" height="720" loading="eager" fetchpriority="high"/>',
    );
    expect(html).toContain("¥29.90");
    expect(html).toContain("¥49.90");
    expect(html).toContain("仅剩 7 件");
    expect(html).toContain('data-island="Countdown"');
  });

  it("escapes markup in product text on the page", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, {
      title: `<script>alert("t")</script>`,
      description: `"><img src=x onerror=alert(1)>`,
    });
    const html = await (await new Client().fetch(`/p/${product.id}`)).text();
    expect(html).not.toContain(`<script>alert("t")</script>`);
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script>alert(&quot;t&quot;)&lt;/script>");
    const home = await (await new Client().fetch("/")).text();
    expect(home).not.toContain(`<script>alert("t")</script>`);
  });

  it("the home page lists active products with CNY prices and links to check-in, bargains, promotion and orders", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { title: "龙井茶", price_cents: 16800 });
    const html = await (await new Client().fetch("/")).text();
    expect(html).toContain(`href="/p/${product.id}"`);
    expect(html).toContain("¥168.00");
    // the home page's own quick links, not the nav every page carries
    const quick = /<nav class="quick" aria-label="常用入口">(.*?)<\/nav>/s.exec(html)?.[1] ?? "";
    for (const href of ["/checkin", "/bargains", "/me", "/orders"]) expect(quick).toContain(`href="${href}"`);
  });

  it("an unknown or archived product answers a 404 page with a way home", async () => {
    const res = await new Client().fetch("/p/987654");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("商品不存在或已下架");
    const nowhere = await new Client().fetch("/no/such/page");
    expect(nowhere.status).toBe(404);
  });

  it("a flash sale that has not started shows its start countdown and the list price", async () => {
    const merchant = await signInMerchant();
    const start = Date.parse("2026-12-01T00:00:00Z");
    const product = await createProduct(merchant, {
      price_cents: 10000,
      flash_sale: {
        price_cents: 5000,
        starts_at: new Date(start).toISOString(),
        ends_at: new Date(start + 3600_000).toISOString(),
        stock: 3,
      },
    });
    setClockForTests(start - 60_000);
    try {
      const html = await (await new Client().fetch(`/p/${product.id}`)).text();
      expect(html).toContain("距开始");
      expect(html).toContain("¥100.00");
    } finally {
      setClockForTests(null);
    }
  });
});

describe("API basics", () => {
  it("serves an OpenAPI document generated from the zod schemas", async () => {
    const { status, body } = await new Client().json<OpenApiDocument>("/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        "/api/auth/signup",
        "/api/auth/login",
        "/api/me",
        "/api/products/{id}",
        "/api/admin/products/{id}",
      ]),
    );
    expect(body.components.schemas.SignupBody.properties.phone.pattern).toBe("^1[3-9]\\d{9}$");
  });

  it("answers an unknown API route with the error shape, and sets security headers", async () => {
    const res = await new Client().fetch("/api/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
