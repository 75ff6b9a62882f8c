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
import { perAddressLimit } from "../middleware/rate-limit";
import { requireUser } from "../middleware/session";
import { PUBLIC, SIGNED_IN, createRouter, errors, json, jsonBody, link } from "../openapi";
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
      operationId: "startBargain",
      summary: "Start a bargain on a product, or reopen the live one",
      security: SIGNED_IN,
      method: "post",
      path: "/",
      request: jsonBody(startBargainBody),
      responses: {
        201: {
          ...json(bargainResponse, "Started"),
          links: {
            getBargain: link("getBargain", { id: "$response.body#/bargain/id" }),
            helpBargain: link("helpBargain", { id: "$response.body#/bargain/id" }),
          },
        },
        200: {
          ...json(bargainResponse, "The starter's live bargain on this product"),
          links: {
            getBargain: link("getBargain", { id: "$response.body#/bargain/id" }),
            helpBargain: link("helpBargain", { id: "$response.body#/bargain/id" }),
          },
        },
        ...errors(400, 401, 403, 404, 409, 415, 500),
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
      operationId: "listMyBargains",
      summary: "My bargains, newest first",
      security: SIGNED_IN,
      method: "get",
      path: "/",
      responses: { 200: json(bargainListResponse, "My bargains, newest first"), ...errors(401, 500) },
    }),
    async (c) => {
      const user = await requireUser(c);
      const rows = await listUserBargains(dbOf(c), user.id);
      return c.json({ bargains: rows.map((r) => toBargainView(r.bargain, c.var.now, c.var.origin)) }, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: "getBargain",
      summary: "A bargain and its helpers' cuts",
      security: PUBLIC,
      method: "get",
      path: "/{id}",
      request: { params: bargainIdParam },
      responses: {
        200: {
          ...json(bargainDetailResponse, "A bargain and its helpers' cuts"),
          links: { helpBargain: link("helpBargain", { id: "$response.body#/bargain/id" }) },
        },
        ...errors(400, 404, 500),
      },
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
      operationId: "helpBargain",
      summary: "Help a friend's bargain: one cut",
      security: SIGNED_IN,
      method: "post",
      path: "/{id}/help",
      middleware: [perAddressLimit("HELP_RATE_LIMIT")] as const,
      request: { params: bargainIdParam },
      responses: {
        200: {
          ...json(helpResponse, "The cut this help made"),
          links: { getBargain: link("getBargain", { id: "$response.body#/bargain/id" }) },
        },
        ...errors(400, 401, 403, 404, 409, 429, 500),
      },
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
