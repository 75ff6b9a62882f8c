import { describe, expect, it } from "vitest";
import { Client, createProduct, placeOrder, productStock, signInMerchant, signUp } from "./helpers";

const flash = {
  price_cents: 3990,
  starts_at: "2026-11-25T00:00:00.000Z",
  ends_at: "2026-11-26T00:00:00.000Z",
  stock: 5,
};

describe("the merchant's products", () => {
  it("creates a product with every field and reads it back", async () => {
    const merchant = await signInMerchant();
    const { status, body } = await merchant.json("/api/admin/products", {
      body: {
        slug: "honey-1",
        title: "土蜂蜜",
        description: "深山百花蜜",
        image_url: "/img/honey.svg",
        price_cents: 6800,
        stock: 80,
        commission_bp: 1500,
        commission_l2_bp: 500,
        bargain: { floor_cents: 1, helpers: 10 },
        flash_sale: flash,
        group: { size: 4, price_cents: 5800, hours: 48, per_user_limit: 2, virtual_fill_at: 3 },
        clearance: { price_cents: 4800 },
        active: true,
      },
    });
    expect(status).toBe(201);
    expect(body.product).toEqual({
      id: expect.any(Number),
      slug: "honey-1",
      title: "土蜂蜜",
      description: "深山百花蜜",
      image_url: "/img/honey.svg",
      images: ["/img/honey.svg"],
      price_cents: 6800,
      stock: 80,
      commission_bp: 1500,
      commission_l2_bp: 500,
      bargain: { floor_cents: 1, helpers: 10 },
      flash_sale: flash,
      group: { size: 4, price_cents: 5800, hours: 48, per_user_limit: 2, virtual_fill_at: 3 },
      clearance: { price_cents: 4800 },
      active: true,
    });
    const list = await merchant.json("/api/admin/products");
    expect(list.body.products.find((p: { id: number }) => p.id === body.product.id)).toEqual(body.product);
  });

  it("refuses negative, fractional and absurd prices and stocks with 400 invalid_input naming the field", async () => {
    const merchant = await signInMerchant();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ price_cents: -1 }, "price_cents"],
      [{ price_cents: 12.5 }, "price_cents"],
      [{ price_cents: 100_000_001 }, "price_cents"],
      [{ price_cents: "9900" }, "price_cents"],
      [{ stock: -3 }, "stock"],
      [{ stock: 1.5 }, "stock"],
      [{ stock: 10_000_001 }, "stock"],
      [{ title: "" }, "title"],
      [{ commission_bp: 10_001 }, "commission_bp"],
      [{ image_url: "javascript:alert(1)" }, "image_url"],
    ];
    for (const [fields, field] of cases) {
      const { status, body } = await merchant.json("/api/admin/products", {
        body: { title: "商品", price_cents: 9900, stock: 10, ...fields },
      });
      expect(status, JSON.stringify(fields)).toBe(400);
      expect(body.error.code).toBe("invalid_input");
      expect(body.error.issues[0].path[0]).toBe(field);
    }
  });

  it("refuses rules that contradict each other: a floor above the price, a sale ending before it starts", async () => {
    const merchant = await signInMerchant();
    const floor = await merchant.json("/api/admin/products", {
      body: { title: "商品", price_cents: 100, stock: 1, bargain: { floor_cents: 100, helpers: 5 } },
    });
    expect(floor.status).toBe(400);
    expect(floor.body.error.issues[0].path).toEqual(["bargain", "floor_cents"]);
    const tooManyHelpers = await merchant.json("/api/admin/products", {
      body: { title: "商品", price_cents: 10, stock: 1, bargain: { floor_cents: 1, helpers: 20 } },
    });
    expect(tooManyHelpers.body.error.issues[0].path).toEqual(["bargain", "helpers"]);
    const backwards = await merchant.json("/api/admin/products", {
      body: { title: "商品", price_cents: 9900, stock: 1, flash_sale: { ...flash, ends_at: flash.starts_at } },
    });
    expect(backwards.body.error.issues[0].path).toEqual(["flash_sale", "ends_at"]);
  });

  it("updates some fields and keeps the rest; a patch that breaks a rule is refused and changes nothing", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { price_cents: 5000, bargain: { floor_cents: 100, helpers: 5 } });
    const patched = await merchant.json(`/api/admin/products/${product.id}`, {
      method: "PATCH",
      body: { stock: 42, title: "新标题" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.product).toEqual({ ...product, stock: 42, title: "新标题" });

    const broken = await merchant.json(`/api/admin/products/${product.id}`, {
      method: "PATCH",
      body: { price_cents: 50 },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe("invalid_input");
    expect((await merchant.json(`/api/products/${product.id}`)).body.product.price_cents).toBe(5000);

    const unknownField = await merchant.json(`/api/admin/products/${product.id}`, {
      method: "PATCH",
      body: { id: 99 },
    });
    expect(unknownField.status).toBe(400);
  });

  it("archives a product: it leaves the catalogue but stays in the merchant's list", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant);
    await merchant.json(`/api/admin/products/${product.id}`, { method: "PATCH", body: { active: false } });
    expect((await new Client().json(`/api/products/${product.id}`)).status).toBe(404);
    const catalogue = await new Client().json("/api/products");
    expect(catalogue.body.products.some((p: { id: number }) => p.id === product.id)).toBe(false);
    const all = await merchant.json("/api/admin/products");
    expect(all.body.products.find((p) => p.id === product.id)?.active).toBe(false);
  });

  it("answers 404 not_found for an unknown product, and 409 slug_taken for a reused slug", async () => {
    const merchant = await signInMerchant();
    expect((await new Client().json("/api/products/999999")).body.error.code).toBe("not_found");
    const patch = await merchant.json("/api/admin/products/999999", { method: "PATCH", body: { stock: 1 } });
    expect(patch.status).toBe(404);
    await createProduct(merchant, { slug: "unique-slug" });
    const again = await merchant.json("/api/admin/products", {
      body: { slug: "unique-slug", title: "x", price_cents: 1, stock: 1 },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("slug_taken");
  });

  it("keeps the merchant endpoints from shoppers (403 forbidden) and strangers (401 unauthenticated)", async () => {
    const { client: shopper } = await signUp();
    const asShopper = await shopper.json("/api/admin/products", { body: { title: "x", price_cents: 1, stock: 1 } });
    expect(asShopper.status).toBe(403);
    expect(asShopper.body.error.code).toBe("forbidden");
    const asStranger = await new Client().json("/api/admin/products");
    expect(asStranger.status).toBe(401);
    expect(asStranger.body.error.code).toBe("unauthenticated");
  });

  it("an edit of the title while shoppers buy keeps every sale: stock plus units sold is what it was", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { title: "热卖", price_cents: 1000, stock: 30 });
    const shoppers = Array.from({ length: 20 }, () => new Client());
    const [orders] = await Promise.all([
      Promise.all(shoppers.map((s) => placeOrder(s, product.id))),
      Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          merchant.json(`/api/admin/products/${product.id}`, { method: "PATCH", body: { title: `热卖 ${n}` } }),
        ),
      ),
    ]);
    const sold = orders.filter((o) => o.status === 201).length;
    expect(sold).toBe(20);
    expect((await productStock(product.id)).stock).toBe(30 - sold);
  });

  it("an edit that sets the stock sets it", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { stock: 5 });
    await merchant.json(`/api/admin/products/${product.id}`, { method: "PATCH", body: { stock: 12 } });
    expect((await productStock(product.id)).stock).toBe(12);
  });
});
