import { describe, expect, it } from "vitest";
import { Client, createProduct, signInMerchant } from "./helpers";

describe("catalogue", () => {
  it("lists a product the merchant created, with every field", async () => {
    const merchant = await signInMerchant();
    const product = await createProduct(merchant, { title: "云南小粒咖啡", price_cents: 5900, stock: 3 });
    const { status, body } = await new Client().json(`/api/products/${product.id}`);
    expect(status).toBe(200);
    expect(body.product).toMatchObject({
      title: "云南小粒咖啡",
      price_cents: 5900,
      stock: 3,
      commission_bp: 1000,
      commission_l2_bp: 300,
      bargain: null,
      flash_sale: null,
      active: true,
    });
  });
});
