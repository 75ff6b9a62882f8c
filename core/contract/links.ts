// Request and response bodies of distributors, share links and their stats.
import { z } from "@hono/zod-openapi";
import { rowId } from "./common";
import { SHARE_CODE_PATTERN } from "./share-code";

export const shareCode = z
  .string()
  .regex(SHARE_CODE_PATTERN, "An 8-character code of letters and digits (no 0, O, o, 1, l or I)")
  .openapi({ example: "Xk7pQm2R" });

export const becomeDistributorBody = z
  .object({
    /** The code of the distributor who recruited this one. */
    invite_code: shareCode.optional(),
  })
  .openapi("BecomeDistributorBody");

export const distributorResponse = z
  .object({ distributor: z.object({ code: shareCode }) })
  .openapi("DistributorResponse");

export const createLinkBody = z
  .object({
    /** Absent or null: a link to the whole store. */
    product_id: rowId.nullable().optional(),
  })
  .openapi("CreateLinkBody");

export const shareLink = z
  .object({
    code: shareCode,
    /** Absolute: `<store origin>/s/<code>`, ready to paste into a chat. */
    url: z.url(),
    product_id: z.number().int().nullable(),
  })
  .openapi("ShareLink");

export const linkResponse = z.object({ link: shareLink }).openapi("ShareLinkResponse");

export const distributorStatsResponse = z
  .object({
    visits: z.number().int(),
    unique_visits: z.number().int(),
    /** Orders through this distributor's links that are paid, shipped or completed. */
    orders: z.number().int(),
    sales_cents: z.number().int(),
    commission: z.object({
      pending_cents: z.number().int(),
      available_cents: z.number().int(),
      reversed_cents: z.number().int(),
    }),
  })
  .openapi("DistributorStats");

export type DistributorStats = z.infer<typeof distributorStatsResponse>;
