// Storefront pages: home and product. Each reads D1 once at most.
import { Hono } from "hono";
import { h } from "preact";
import { getDb } from "../../db/client";
import { findProduct, listActiveProducts, toProductView } from "../../db/products";
import { t } from "../../storefront/i18n";
import { HomePage } from "../../storefront/pages/home";
import { ProductPage } from "../../storefront/pages/product";
import type { AppEnv } from "../app-env";
import { now } from "../clock";
import { renderNotFound, renderPage } from "../render";

export const pageRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const products = (await listActiveProducts(getDb(c.env.DB))).map(toProductView);
    return renderPage(c, h(HomePage, { products, now: now(), origin: new URL(c.req.url).origin }));
  })
  .get("/p/:id{[0-9]+}", async (c) => {
    const row = await findProduct(getDb(c.env.DB), Number(c.req.param("id")), { activeOnly: true });
    if (!row) return renderNotFound(c, t.productNotFound);
    return renderPage(c, h(ProductPage, { product: toProductView(row), now: now(), origin: new URL(c.req.url).origin }));
  });
