// The merchant's product pages: the list, the new-product form, and a product's edit form.
import { Hono } from "hono";
import type { StoreSettings } from "../../core/contract/settings";
import { findProduct, listAllProducts } from "../../db/products";
import catalogue from "../../db/seed/catalogue.json";
import { getSettings } from "../../db/settings";
import { t } from "../../storefront/i18n";
import type { AdminProductFormProps } from "../../storefront/islands/admin-product-form";
import { AdminProductEditPage } from "../../storefront/pages/admin/product-edit";
import { AdminProductsPage } from "../../storefront/pages/admin/products";
import { NotFoundPage } from "../../storefront/pages/not-found";
import type { AppEnv } from "../app-env";
import { dbOf } from "../middleware/database";
import { toProductView } from "../views/product";

/** The pictures shipped in public/img/ with the demo catalogue, offered beside the uploads. */
const PICTURES = [...new Set(catalogue.map((p: { image: string }) => `/img/${p.image}.jpg`))];

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

/** /admin/products, /admin/products/new, /admin/products/:id */
export const adminProductPages = new Hono<AppEnv>()
  .get("/", async (c) => {
    const products = (await listAllProducts(dbOf(c))).map(toProductView);
    return c.render(<AdminProductsPage products={products} />);
  })
  .get("/new", async (c) => {
    const settings = await getSettings(dbOf(c), c.var.now);
    return c.render(<AdminProductEditPage form={formProps(settings, null)} created={false} />);
  })
  .get("/:id{[0-9]+}", async (c) => {
    const db = dbOf(c);
    const [row, settings] = await Promise.all([
      findProduct(db, Number(c.req.param("id")), { activeOnly: false }),
      getSettings(db, c.var.now),
    ]);
    if (!row) return c.render(<NotFoundPage message={t.productNotFound} origin={c.var.origin} />, 404);
    return c.render(
      <AdminProductEditPage form={formProps(settings, toProductView(row))} created={c.req.query("created") === "1"} />,
    );
  });
