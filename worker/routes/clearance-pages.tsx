// 品牌清仓 (/clearance): the clearance zone, one tap from the home page.
import { Hono } from "hono";
import { clearanceZone } from "../../core/rules/clearance";
import { listActiveProducts } from "../../db/products";
import { ClearancePage } from "../../storefront/pages/clearance";
import type { AppEnv } from "../app-env";
import { dbOf } from "../middleware/database";
import { toProductView } from "../views/product";

/** /clearance */
export const clearancePage = new Hono<AppEnv>().get("/", async (c) => {
  const products = clearanceZone((await listActiveProducts(dbOf(c))).map(toProductView));
  return c.render(<ClearancePage products={products} origin={c.var.origin} />);
});
