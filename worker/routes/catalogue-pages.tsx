// The pages every shopper sees alike: home and product, from the edge cache. Each reads D1 once at most.
import { Hono } from "hono";
import type { ProductView } from "../../core/contract/product";
import { findProduct, listActiveProducts } from "../../db/products";
import { t } from "../../storefront/i18n";
import { HomePage } from "../../storefront/pages/home";
import { NotFoundPage } from "../../storefront/pages/not-found";
import { ProductPage } from "../../storefront/pages/product";
import type { AppEnv } from "../app-env";
import { dbOf } from "../middleware/database";
import { EDGE_TTL_S, cachedPage, edgeCache, sharedFor } from "../middleware/edge-cache";
import { PRIVATE_NO_STORE } from "../middleware/private-page";
import { toProductView } from "../views/product";

/** A page showing flash sales changes when one starts or ends: the cache keeps it no longer. */
function keepUntilNextSale(products: ProductView[], now: number): string {
  const changes = products
    .flatMap((p) => (p.flash_sale ? [p.flash_sale.starts_at, p.flash_sale.ends_at] : []))
    .map((at) => (Date.parse(at) - now) / 1000)
    .filter((s) => s > 0);
  return sharedFor(Math.min(EDGE_TTL_S, ...changes));
}

/** / */
export const homePage = new Hono<AppEnv>().get("/", edgeCache, async (c) => {
  const products = (await listActiveProducts(dbOf(c))).map(toProductView);
  c.header("Cache-Control", keepUntilNextSale(products, c.var.now));
  return c.render(<HomePage products={products} now={c.var.now} origin={c.var.origin} />);
});

/** /p/:id */
export const productPages = new Hono<AppEnv>().get("/:id{[0-9]+}", cachedPage("bargain"), async (c) => {
  const row = await findProduct(dbOf(c), Number(c.req.param("id")), { activeOnly: true });
  if (!row) return c.render(<NotFoundPage message={t.productNotFound} origin={c.var.origin} />, 404);
  const product = toProductView(row);
  const refused = c.req.query("bargain");
  // a start-bargain form sent the visitor back with why it failed: this page is theirs alone
  c.header("Cache-Control", refused ? PRIVATE_NO_STORE : keepUntilNextSale([product], c.var.now));
  return c.render(
    <ProductPage
      product={product}
      now={c.var.now}
      origin={c.var.origin}
      bargainRefused={refused === "bargain_not_allowed" ? refused : undefined}
    />,
  );
});
