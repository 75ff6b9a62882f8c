// The merchant's product endpoints: list everything, create, update (validated as a whole).
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../../db/client";
import { findProduct, insertProduct, listAllProducts, replaceProduct, toProductView } from "../../db/products";
import { getSettings } from "../../db/settings";
import { now } from "../clock";
import { conflict, notFound } from "../errors";
import { adminOnly } from "../middleware/admin-only";
import { createRouter, errors, json, jsonBody } from "../openapi";
import { idParam } from "../schemas/common";
import { createProductBody, productListResponse, productResponse, updateProductBody } from "../schemas/product";

const slugTaken = () => conflict("slug_taken", "Another product already uses this slug");

const router = createRouter();
router.use("/admin/*", adminOnly);

export const adminProductRoutes = router
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/products",
      responses: { 200: json(productListResponse, "Every product, archived ones too"), ...errors(401, 403) },
    }),
    async (c) => {
      const rows = await listAllProducts(getDb(c.env.DB));
      return c.json({ products: rows.map(toProductView) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/admin/products",
      request: jsonBody(createProductBody),
      responses: { 201: json(productResponse, "Created"), ...errors(400, 401, 403, 409) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const row = await insertProduct(db, c.req.valid("json"), await getSettings(db), now());
      if (!row) throw slugTaken();
      return c.json({ product: toProductView(row) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/admin/products/{id}",
      request: { params: idParam, ...jsonBody(updateProductBody) },
      responses: { 200: json(productResponse, "Updated"), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const { id } = c.req.valid("param");
      const existing = await findProduct(db, id, { activeOnly: false });
      if (!existing) throw notFound("No such product");
      // a patch can break a rule between fields (a price under the bargain floor): check the whole
      const merged = createProductBody.parse({ ...toProductView(existing), ...c.req.valid("json") });
      const row = await replaceProduct(db, id, merged, now());
      if (!row) throw slugTaken();
      return c.json({ product: toProductView(row) }, 200);
    },
  );
