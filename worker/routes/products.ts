// The public catalogue: active products only.
import { createRoute } from "@hono/zod-openapi";
import { idParam } from "../../core/contract/common";
import { productListQuery, productListResponse, productResponse } from "../../core/contract/product";
import { clearanceZone } from "../../core/rules/clearance";
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
      request: { query: productListQuery },
      responses: {
        200: json(productListResponse, "Active products; with clearance=1 the clearance zone, deepest discount first"),
        ...errors(400, 500),
      },
    }),
    async (c) => {
      const products = (await listActiveProducts(dbOf(c))).map(toProductView);
      return c.json({ products: c.req.valid("query").clearance === "1" ? clearanceZone(products) : products }, 200);
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
