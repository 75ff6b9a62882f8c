// The public catalogue: active products only.
import { createRoute } from "@hono/zod-openapi";
import { idParam } from "../../core/contract/common";
import { productListResponse, productResponse } from "../../core/contract/product";
import { findProduct, listActiveProducts } from "../../db/products";
import { notFound } from "../errors";
import { dbOf } from "../middleware/database";
import { PUBLIC, createRouter, errors, json } from "../openapi";
import { toProductView } from "../views/product";

/** /api/products */
export const productsApi = createRouter()
  .openapi(
    createRoute({
      operationId: "listProducts",
      summary: "List the active products",
      security: PUBLIC,
      method: "get",
      path: "/",
      responses: { 200: json(productListResponse, "Active products"), ...errors(500) },
    }),
    async (c) => {
      const rows = await listActiveProducts(dbOf(c));
      return c.json({ products: rows.map(toProductView) }, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: "getProduct",
      summary: "One active product",
      security: PUBLIC,
      method: "get",
      path: "/{id}",
      request: { params: idParam },
      responses: { 200: json(productResponse, "One active product"), ...errors(400, 404, 500) },
    }),
    async (c) => {
      const row = await findProduct(dbOf(c), c.req.valid("param").id, { activeOnly: true });
      if (!row) throw notFound("No such product");
      return c.json({ product: toProductView(row) }, 200);
    },
  );
