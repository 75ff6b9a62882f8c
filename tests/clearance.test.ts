// 清仓: products the merchant marks down for clearance, listed deepest discount first and sold at that price.
import { describe, expect, it } from "vitest";
import { CONTACT, Client, createProduct, signInMerchant } from "./helpers";

describe("the clearance zone", () => {
  it("lists products marked for clearance, deepest discount first, and sells them at the clearance price", async () => {
    const merchant = await signInMerchant();
    const half = await createProduct(merchant, { price_cents: 10000, clearance: { price_cents: 5000 } });
    const deep = await createProduct(merchant, { price_cents: 2000, clearance: { price_cents: 500 } });
    const light = await createProduct(merchant, { price_cents: 10000, clearance: { price_cents: 9000 } });
    await createProduct(merchant, { price_cents: 100 });
    const { status, body } = await new Client().json("/api/products?clearance=1");
    expect(status).toBe(200);
    const ids = body.products.map((p) => p.id);
    expect(ids.filter((id) => [half.id, deep.id, light.id].includes(id))).toEqual([deep.id, half.id, light.id]);
    expect(body.products.every((p) => p.clearance !== null)).toBe(true);

    const bad = await merchant.json("/api/admin/products", {
      body: { title: "清仓", price_cents: 100, stock: 1, clearance: { price_cents: 100 } },
    });
    expect(bad.body.error.issues[0].path).toEqual(["clearance", "price_cents"]);

    const order = await new Client().json("/api/orders", {
      body: { items: [{ product_id: deep.id, quantity: 2 }], contact: CONTACT },
    });
    expect(order.body.order.subtotal_cents).toBe(1000);
    expect((await new Client().json("/api/products?clearance=2")).status).toBe(400);
  });

  it("the clearance zone page, deepest discount first, linked from the home page beside 拼团", async () => {
    const merchant = await signInMerchant();
    const a = await createProduct(merchant, { title: "清仓甲", price_cents: 10000, clearance: { price_cents: 8000 } });
    const b = await createProduct(merchant, { title: "清仓乙", price_cents: 10000, clearance: { price_cents: 3500 } });
    const html = await (await new Client().fetch("/clearance")).text();
    expect(html.indexOf(`href="/p/${b.id}"`)).toBeLessThan(html.indexOf(`href="/p/${a.id}"`));
    expect(html).toContain("3.5折");
    const home = await (await new Client().fetch("/")).text();
    const quick = /<nav class="quick"[^>]*>(.*?)<\/nav>/s.exec(home)?.[1] ?? "";
    expect(quick).toContain('href="/clearance"');
    expect(quick).toContain('href="/groups"');
  });
});
