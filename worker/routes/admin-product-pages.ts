// The merchant's product pages: the list, the new-product form, and a product's edit form.
import { Hono } from "hono";
import { h } from "preact";
import { getDb } from "../../db/client";
import { findProduct, listAllProducts, toProductView } from "../../db/products";
import catalogue from "../../db/seed/catalogue.json";
import { getSettings, type StoreSettings } from "../../db/settings";
import { t } from "../../storefront/i18n";
import type { AdminProductFormProps } from "../../storefront/islands/admin-product-form";
import { AdminProductEditPage } from "../../storefront/pages/admin/product-edit";
import { AdminProductsPage } from "../../storefront/pages/admin/products";
import type { AppEnv } from "../app-env";
import { adminPageOnly } from "../middleware/admin-only";
import { renderNotFound, renderPage } from "../render";

/** The pictures shipped in public/img/ with the demo catalogue: a picker beside the URL field. */
const PICTURES = [...new Set(catalogue.map((p: { image: string }) => `/img/${p.image}.svg`))];

const formProps = (settings: StoreSettings, product: AdminProductFormProps["product"]): AdminProductFormProps => ({
  product,
  timeZone: settings.time_zone,
  defaults: {
    commission_bp: settings.commission_bp,
    commission_l2_bp: settings.commission_l2_bp,
    bargain_floor_cents: settings.bargain_floor_cents,
    bargain_helpers: settings.bargain_helpers,
  },
  pictures: PICTURES,
});

export const adminProductPageRoutes = new Hono<AppEnv>()
  .get("/admin/products", adminPageOnly, async (c) => {
    const products = (await listAllProducts(getDb(c.env.DB))).map(toProductView);
    return renderPage(c, h(AdminProductsPage, { products }));
  })
  .get("/admin/products/new", adminPageOnly, async (c) => {
    const settings = await getSettings(getDb(c.env.DB));
    return renderPage(c, h(AdminProductEditPage, { form: formProps(settings, null), created: false }));
  })
  .get("/admin/products/:id{[0-9]+}", adminPageOnly, async (c) => {
    const db = getDb(c.env.DB);
    const [row, settings] = await Promise.all([
      findProduct(db, Number(c.req.param("id")), { activeOnly: false }),
      getSettings(db),
    ]);
    if (!row) return renderNotFound(c, t.productNotFound);
    return renderPage(
      c,
      h(AdminProductEditPage, { form: formProps(settings, toProductView(row)), created: c.req.query("created") === "1" }),
    );
  });
