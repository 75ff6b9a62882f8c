// The public catalogue: active products only.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../../db/client";
import { findProduct, listActiveProducts, toProductView } from "../../db/products";
import { notFound } from "../errors";
import { createRouter, errors, json } from "../openapi";
import { idParam } from "../schemas/common";
import { productListResponse, productResponse } from "../schemas/product";

export const productRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/products",
      responses: { 200: json(productListResponse, "Active products") },
    }),
    async (c) => {
      const rows = await listActiveProducts(getDb(c.env.DB));
      return c.json({ products: rows.map(toProductView) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/products/{id}",
      request: { params: idParam },
      responses: { 200: json(productResponse, "One active product"), ...errors(400, 404) },
    }),
    async (c) => {
      const row = await findProduct(getDb(c.env.DB), c.req.valid("param").id, { activeOnly: true });
      if (!row) throw notFound("No such product");
      return c.json({ product: toProductView(row) }, 200);
    },
  );
