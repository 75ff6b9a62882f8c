// Bargains: start one on a product, read it with its helpers, list mine, and a friend's help.
import { createRoute } from "@hono/zod-openapi";
import {
  bargainDetailResponse,
  bargainIdParam,
  bargainListResponse,
  bargainResponse,
  helpResponse,
  startBargainBody,
} from "../../core/contract/bargain";
import type { HelpRefusal } from "../../core/rules/bargain-status";
import { findBargainDetails, listUserBargains } from "../../db/bargains";
import { refusal, type RefusalTable } from "../errors";
import { dbOf } from "../middleware/database";
import { requireUser } from "../middleware/session";
import { createRouter, errors, json, jsonBody } from "../openapi";
import { helpBargainToday } from "../services/help-bargain-today";
import { startBargain } from "../services/start-bargain";
import { toBargainView } from "../views/bargain";

const startRefusals: RefusalTable<"not_found" | "bargain_not_allowed"> = {
  not_found: { status: 404, message: "No such product" },
  bargain_not_allowed: { status: 409, message: "This product cannot be bargained" },
};

export const helpRefusals: RefusalTable<HelpRefusal | "not_found"> = {
  not_found: { status: 404, message: "No such bargain" },
  own_bargain: { status: 409, message: "You cannot help your own bargain" },
  already_helped: { status: 409, message: "You already helped this bargain" },
  bargain_complete: { status: 409, message: "This bargain has all the help it needs" },
  bargain_expired: { status: 409, message: "This bargain has expired" },
  help_limit: { status: 429, message: "You have helped as many bargains as you can today" },
};

/** /api/bargains */
export const bargainsApi = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      request: jsonBody(startBargainBody),
      responses: {
        201: json(bargainResponse, "Started"),
        200: json(bargainResponse, "The starter's live bargain on this product"),
        ...errors(400, 401, 404, 409),
      },
    }),
    async (c) => {
      const user = await requireUser(c);
      const started = await startBargain(dbOf(c), user.id, c.req.valid("json").product_id, c.var.now);
      if (!started.ok) throw refusal(startRefusals, started.refusal);
      const body = { bargain: toBargainView(started.bargain, c.var.now, c.var.origin) };
      return started.created ? c.json(body, 201) : c.json(body, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      responses: { 200: json(bargainListResponse, "My bargains, newest first"), ...errors(401) },
    }),
    async (c) => {
      const user = await requireUser(c);
      const rows = await listUserBargains(dbOf(c), user.id);
      return c.json({ bargains: rows.map((r) => toBargainView(r.bargain, c.var.now, c.var.origin)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      request: { params: bargainIdParam },
      responses: { 200: json(bargainDetailResponse, "A bargain and its helpers' cuts"), ...errors(400, 404) },
    }),
    async (c) => {
      const details = await findBargainDetails(dbOf(c), c.req.valid("param").id);
      if (!details) throw refusal(helpRefusals, "not_found");
      const helpers = details.helpers.map((h) => ({ nickname: h.nickname, cut_cents: h.cutCents }));
      const bargain = toBargainView(details.bargain, c.var.now, c.var.origin);
      return c.json({ bargain: { ...bargain, helpers }, helpers }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/help",
      request: { params: bargainIdParam },
      responses: { 200: json(helpResponse, "The cut this help made"), ...errors(400, 401, 404, 409, 429) },
    }),
    async (c) => {
      const user = await requireUser(c);
      const result = await helpBargainToday(dbOf(c), c.req.valid("param").id, user.id, c.var.now);
      if (!result.ok) throw refusal(helpRefusals, result.reason);
      return c.json(
        { cut_cents: result.cutCents, bargain: toBargainView(result.bargain, c.var.now, c.var.origin) },
        200,
      );
    },
  );
