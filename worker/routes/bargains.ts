// Bargains: start one on a product, read it with its helpers, list mine, and a friend's help.
import { createRoute } from "@hono/zod-openapi";
import { findBargainDetails, helpBargain, listUserBargains, startBargain, toBargainView } from "../../db/bargains";
import { getDb } from "../../db/client";
import { findProduct, toProductView } from "../../db/products";
import { getSettings } from "../../db/settings";
import { now } from "../clock";
import { ApiError, conflict, notFound } from "../errors";
import { requireUser } from "../middleware/session";
import { createRouter, errors, json, jsonBody } from "../openapi";
import { planBargainCuts } from "../rules/bargain-cuts";
import type { HelpRefusal } from "../rules/bargain-status";
import { calendarDay } from "../rules/checkin-reward";
import {
  bargainDetailResponse,
  bargainIdParam,
  bargainListResponse,
  bargainResponse,
  helpResponse,
  startBargainBody,
} from "../schemas/bargain";

const HOUR_MS = 3_600_000;

const notAllowed = () => conflict("bargain_not_allowed", "This product cannot be bargained");

const refusals: Record<HelpRefusal, () => ApiError> = {
  own_bargain: () => conflict("own_bargain", "You cannot help your own bargain"),
  already_helped: () => conflict("already_helped", "You already helped this bargain"),
  bargain_complete: () => conflict("bargain_complete", "This bargain has all the help it needs"),
  bargain_expired: () => conflict("bargain_expired", "This bargain has expired"),
  help_limit: () => new ApiError(429, "help_limit", "You have helped as many bargains as you can today"),
};

const originOf = (url: string) => new URL(url).origin;

export const bargainRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/bargains",
      request: jsonBody(startBargainBody),
      responses: {
        201: json(bargainResponse, "Started"),
        200: json(bargainResponse, "The starter's live bargain on this product"),
        ...errors(400, 401, 404, 409),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const [user, product, settings] = await Promise.all([
        requireUser(c),
        findProduct(db, c.req.valid("json").product_id, { activeOnly: false }),
        getSettings(db),
      ]);
      if (!product) throw notFound("No such product");
      const terms = toProductView(product).bargain;
      if (!product.active || !terms) throw notAllowed();
      const at = now();
      const started = await startBargain(db, {
        userId: user.id,
        product,
        floorCents: terms.floor_cents,
        cutsCents: planBargainCuts(product.priceCents - terms.floor_cents, terms.helpers),
        now: at,
        ttlMs: settings.bargain_ttl_hours * HOUR_MS,
      });
      if (!started) throw notAllowed();
      const body = { bargain: toBargainView(started.bargain, at, originOf(c.req.url)) };
      return started.created ? c.json(body, 201) : c.json(body, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/bargains",
      responses: { 200: json(bargainListResponse, "My bargains, newest first"), ...errors(401) },
    }),
    async (c) => {
      const user = await requireUser(c);
      const rows = await listUserBargains(getDb(c.env.DB), user.id);
      const at = now();
      return c.json({ bargains: rows.map((r) => toBargainView(r.bargain, at, originOf(c.req.url))) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/bargains/{id}",
      request: { params: bargainIdParam },
      responses: { 200: json(bargainDetailResponse, "A bargain and its helpers' cuts"), ...errors(400, 404) },
    }),
    async (c) => {
      const details = await findBargainDetails(getDb(c.env.DB), c.req.valid("param").id);
      if (!details) throw notFound("No such bargain");
      const helpers = details.helpers.map((h) => ({ nickname: h.nickname, cut_cents: h.cutCents }));
      const bargain = toBargainView(details.bargain, now(), originOf(c.req.url));
      return c.json({ bargain: { ...bargain, helpers }, helpers }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/bargains/{id}/help",
      request: { params: bargainIdParam },
      responses: { 200: json(helpResponse, "The cut this help made"), ...errors(400, 401, 404, 409, 429) },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const [user, settings] = await Promise.all([requireUser(c), getSettings(db)]);
      const at = now();
      const result = await helpBargain(db, {
        bargainId: c.req.valid("param").id,
        helperUserId: user.id,
        day: calendarDay(at, settings.time_zone),
        helpsPerDay: settings.bargain_helps_per_day,
        now: at,
      });
      if (!result.ok) throw result.reason === "not_found" ? notFound("No such bargain") : refusals[result.reason]();
      return c.json({ cut_cents: result.cutCents, bargain: toBargainView(result.bargain, at, originOf(c.req.url)) }, 200);
    },
  );
