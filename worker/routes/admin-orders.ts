// The merchant's orders: list (by status), ship, complete, refund.
import { createRoute, z } from "@hono/zod-openapi";
import { getDb } from "../../db/client";
import { transitionOrder } from "../../db/order-transitions";
import { findOrder, listOrders, toOrderView } from "../../db/orders";
import { adminOrderViews } from "../../db/admin-order-views";
import { now } from "../clock";
import { conflict, notFound } from "../errors";
import { adminOnly } from "../middleware/admin-only";
import { createRouter, errors, json } from "../openapi";
import { adminOrder, orderIdParam, orderListQuery, orderResponse } from "../schemas/order";

const router = createRouter();
router.use("/admin/*", adminOnly);

const transition = (action: "ship" | "complete" | "refund") =>
  createRoute({
    method: "post",
    path: `/admin/orders/{id}/${action}`,
    request: { params: orderIdParam },
    responses: { 200: json(orderResponse, `After ${action}`), ...errors(401, 403, 404, 409) },
  });

const handleTransition = (action: "ship" | "complete" | "refund") => async (c: any) => {
  const db = getDb(c.env.DB);
  const found = await findOrder(db, c.req.valid("param").id);
  if (!found) throw notFound("No such order");
  const moved = await transitionOrder(db, found, action, now());
  if (!moved) throw conflict("bad_transition", `An order that is ${found.status} cannot be ${action === "ship" ? "shipped" : `${action}d`}`);
  return c.json({ order: toOrderView((await findOrder(db, found.id))!) }, 200);
};

export const adminOrderRoutes = router
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/orders",
      request: { query: orderListQuery },
      responses: { 200: json(z.object({ orders: z.array(adminOrder) }), "Orders, newest first"), ...errors(401, 403) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const list = await listOrders(db, { status: c.req.valid("query").status, limit: 200 });
      return c.json({ orders: await adminOrderViews(db, list) }, 200);
    },
  )
  .openapi(transition("ship"), handleTransition("ship"))
  .openapi(transition("complete"), handleTransition("complete"))
  .openapi(transition("refund"), handleTransition("refund"));
