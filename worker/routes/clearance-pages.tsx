// 品牌清仓 (/clearance): the clearance zone, one tap from the home page.
import { Hono } from "hono";
import { clearanceZone } from "../../core/rules/clearance";
import { listActiveProducts } from "../../db/products";
import { ClearancePage } from "../../storefront/pages/clearance";
import type { AppEnv } from "../app-env";
import { dbOf } from "../middleware/database";
import { EDGE_TTL_S, edgeCache, sharedFor } from "../middleware/edge-cache";
import { toProductView } from "../views/product";

/** /clearance: the same for every shopper, from the edge cache; a product's edit purges it */
export const clearancePage = new Hono<AppEnv>().get("/", edgeCache, async (c) => {
  const products = clearanceZone((await listActiveProducts(dbOf(c))).map(toProductView));
  c.header("Cache-Control", sharedFor(EDGE_TTL_S));
  return c.render(<ClearancePage products={products} origin={c.var.origin} />);
});
