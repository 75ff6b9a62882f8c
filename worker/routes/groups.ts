// Groups (拼团) as JSON: one group, a product's groups anyone can join, a shopper's own, and the
// merchant's list by status. Opening and joining one is placing an order (routes/orders.ts).
import { createRoute } from "@hono/zod-openapi";
import { idParam } from "../../core/contract/common";
import {
  adminGroupListQuery,
  adminGroupListResponse,
  groupIdParam,
  groupListResponse,
  groupResponse,
} from "../../core/contract/group";
import { findGroupRecord, listGroups, listJoinableGroups, listUserGroups } from "../../db/groups";
import { getSettings } from "../../db/settings";
import { notFound } from "../errors";
import { dbOf } from "../middleware/database";
import { requireUser } from "../middleware/session";
import { PUBLIC, SIGNED_IN, createRouter, errors, json, link } from "../openapi";
import { toAdminGroupView, toGroupView } from "../views/group";

/** A product page lists this many groups to join; the soonest deadlines matter most. */
const JOINABLE_SHOWN = 10;
const MINE_SHOWN = 50;
const ADMIN_SHOWN = 100;

/** /api/groups */
export const groupsApi = createRouter()
  .openapi(
    createRoute({
      operationId: "listMyGroups",
      summary: "The groups the signed-in shopper opened or joined (我的拼团)",
      security: SIGNED_IN,
      method: "get",
      path: "/",
      responses: {
        200: json(groupListResponse, "The groups I opened or joined, newest first"),
        ...errors(401, 500),
      },
    }),
    async (c) => {
      const user = await requireUser(c);
      const mine = await listUserGroups(dbOf(c), user.id, MINE_SHOWN);
      return c.json({ groups: mine.map((g) => toGroupView(g, c.var.now, c.var.origin)) }, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: "getGroup",
      summary: "A group: its members, seats left and deadline",
      security: PUBLIC,
      method: "get",
      path: "/{id}",
      request: { params: groupIdParam },
      responses: {
        200: {
          ...json(groupResponse, "A group, its members and seats"),
          links: { getProduct: link("getProduct", { id: "$response.body#/group/product_id" }) },
        },
        ...errors(400, 404, 500),
      },
    }),
    async (c) => {
      const found = await findGroupRecord(dbOf(c), c.req.valid("param").id);
      if (!found) throw notFound("No such group");
      return c.json({ group: toGroupView(found, c.var.now, c.var.origin) }, 200);
    },
  );

/** /api/products/:id/groups: what the product page's list of groups to join (去拼单) reads. */
export const productGroupsApi = createRouter().openapi(
  createRoute({
    operationId: "listProductGroups",
    summary: "A product's open groups anyone can join (去拼单), soonest deadline first",
    security: PUBLIC,
    method: "get",
    path: "/{id}/groups",
    request: { params: idParam },
    responses: {
      200: json(
        groupListResponse,
        "Open groups of the product with a seat free and time to pay, soonest deadline first",
      ),
      ...errors(400, 404, 500),
    },
  }),
  async (c) => {
    const db = dbOf(c);
    const { order_hold_minutes } = await getSettings(db, c.var.now);
    const rows = await listJoinableGroups(
      db,
      c.req.valid("param").id,
      c.var.now,
      order_hold_minutes * 60_000,
      JOINABLE_SHOWN,
    );
    return c.json({ groups: rows.map((g) => toGroupView(g, c.var.now, c.var.origin)) }, 200);
  },
);

/** /api/admin/groups?status= */
export const adminGroupsApi = createRouter().openapi(
  createRoute({
    operationId: "listAdminGroups",
    summary: "List groups, newest first, of one status or all, with their members' orders",
    security: SIGNED_IN,
    method: "get",
    path: "/",
    request: { query: adminGroupListQuery },
    responses: {
      200: json(adminGroupListResponse, "Groups with their members' orders, newest first"),
      ...errors(400, 401, 403, 500),
    },
  }),
  async (c) => {
    const rows = await listGroups(dbOf(c), { status: c.req.valid("query").status, limit: ADMIN_SHOWN });
    return c.json({ groups: rows.map((g) => toAdminGroupView(g, c.var.now, c.var.origin)) }, 200);
  },
);
