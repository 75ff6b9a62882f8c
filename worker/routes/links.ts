// Distributors and share links: become one (maybe invited), get a link per product, see the funnel.
import { createRoute } from "@hono/zod-openapi";
import {
  becomeDistributorBody,
  createLinkBody,
  distributorResponse,
  distributorStatsResponse,
  linkResponse,
} from "../../core/contract/links";
import { becomeDistributor } from "../../db/become-distributor";
import { distributorStats } from "../../db/distributor-stats";
import { ensureShareLinks } from "../../db/ensure-share-links";
import { findProduct } from "../../db/products";
import { invalidField, notFound } from "../errors";
import { dbOf } from "../middleware/database";
import { requireUser } from "../middleware/session";
import { SIGNED_IN, createRouter, errors, json, jsonBody, link } from "../openapi";
import { joinAsDistributor } from "../services/join-as-distributor";
import { shareUrl } from "../views/share-link";

/** Both bodies may be left out entirely: `POST /api/links` with nothing is the whole store's link. */
const optionalJsonBody = <T extends Parameters<typeof jsonBody>[0]>(schema: T) => ({
  body: { ...jsonBody(schema).body, required: false },
});

/** /api/distributor */
export const distributorApi = createRouter()
  .openapi(
    createRoute({
      operationId: "becomeDistributor",
      summary: "Become a distributor, recruited by an invite code or not",
      security: SIGNED_IN,
      method: "post",
      path: "/",
      request: optionalJsonBody(becomeDistributorBody),
      responses: {
        201: {
          ...json(distributorResponse, "Now a distributor"),
          links: { getDistributorStats: link("getDistributorStats") },
        },
        200: {
          ...json(distributorResponse, "Already a distributor: the same code; the recruiter never changes"),
          links: { getDistributorStats: link("getDistributorStats") },
        },
        ...errors(400, 401, 403, 415, 500),
      },
    }),
    async (c) => {
      const user = await requireUser(c);
      const joined = await joinAsDistributor(dbOf(c), user.id, c.req.valid("json").invite_code ?? null, c.var.now);
      if (!joined.ok) throw invalidField(["invite_code"], "No distributor has this invite code", "unknown_invite_code");
      const body = { distributor: { code: joined.distributor.code } };
      return joined.created ? c.json(body, 201) : c.json(body, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: "getDistributorStats",
      summary: "My funnel: visits, orders, sales and commission by bucket",
      security: SIGNED_IN,
      method: "get",
      path: "/stats",
      responses: {
        200: json(distributorStatsResponse, "The signed-in user's funnel; zeros for someone who is not a distributor"),
        ...errors(401, 500),
      },
    }),
    async (c) => {
      const user = await requireUser(c);
      return c.json(await distributorStats(dbOf(c), user.id), 200);
    },
  );

/** /api/links */
export const linksApi = createRouter().openapi(
  createRoute({
    operationId: "createShareLink",
    summary: "My share link to a product or to the whole store (the same one every time)",
    security: SIGNED_IN,
    method: "post",
    path: "/",
    request: optionalJsonBody(createLinkBody),
    responses: {
      200: json(linkResponse, "The caller's one link to this product (or the store), the same every time"),
      ...errors(400, 401, 403, 404, 415, 500),
    },
  }),
  async (c) => {
    const user = await requireUser(c);
    const db = dbOf(c);
    const productId = c.req.valid("json").product_id ?? null;
    if (productId !== null && !(await findProduct(db, productId, { activeOnly: true }))) {
      throw notFound("No such product");
    }
    await becomeDistributor(db, { userId: user.id, recruiterUserId: null, now: c.var.now });
    const [link] = await ensureShareLinks(db, { distributorUserId: user.id, targets: [productId], now: c.var.now });
    return c.json(
      { link: { code: link!.code, url: shareUrl(c.var.origin, link!.code), product_id: link!.productId } },
      200,
    );
  },
);
