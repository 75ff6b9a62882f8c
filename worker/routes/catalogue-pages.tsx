// The pages every shopper sees alike: home and product. Each reads D1 once at most.
import { Hono } from "hono";
import { findProduct, listActiveProducts } from "../../db/products";
import { t } from "../../storefront/i18n";
import { HomePage } from "../../storefront/pages/home";
import { NotFoundPage } from "../../storefront/pages/not-found";
import { ProductPage } from "../../storefront/pages/product";
import type { AppEnv } from "../app-env";
import { dbOf } from "../middleware/database";
import { toProductView } from "../views/product";

/** / */
export const homePage = new Hono<AppEnv>().get("/", async (c) => {
  const products = (await listActiveProducts(dbOf(c))).map(toProductView);
  return c.render(<HomePage products={products} now={c.var.now} origin={c.var.origin} />);
});

/** /p/:id */
export const productPages = new Hono<AppEnv>().get("/:id{[0-9]+}", async (c) => {
  const row = await findProduct(dbOf(c), Number(c.req.param("id")), { activeOnly: true });
  if (!row) return c.render(<NotFoundPage message={t.productNotFound} origin={c.var.origin} />, 404);
  const refused = c.req.query("bargain");
  return c.render(
    <ProductPage
      product={toProductView(row)}
      now={c.var.now}
      origin={c.var.origin}
      bargainRefused={refused === "bargain_not_allowed" ? refused : undefined}
    />,
  );
});
