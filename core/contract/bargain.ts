// The bargain as the API shows it, the start body, and the help answer.
import { z } from "@hono/zod-openapi";
import { BARGAIN_STATUSES } from "../enums";
import { isoTime, rowId } from "./common";

export const startBargainBody = z.object({ product_id: rowId }).openapi("StartBargainBody");

/** Bargain ids are nanoids: letters and digits. */
export const bargainIdParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "A bargain id"),
});

export const bargainHelper = z.object({ nickname: z.string(), cut_cents: z.number().int() }).openapi("BargainHelper");

export const bargain = z
  .object({
    id: z.string(),
    product_id: z.number().int(),
    status: z.enum(BARGAIN_STATUSES),
    price_cents: z.number().int(),
    floor_cents: z.number().int(),
    current_cents: z.number().int(),
    helpers_needed: z.number().int(),
    helper_count: z.number().int(),
    expires_at: isoTime,
    /** The page to share in a chat, absolute. */
    share_url: z.string(),
  })
  .openapi("Bargain");

export type BargainView = z.infer<typeof bargain>;

export const bargainResponse = z.object({ bargain }).openapi("BargainResponse");

const bargainWithHelpers = bargain.extend({ helpers: z.array(bargainHelper) }).openapi("BargainWithHelpers");

/** `helpers` in cut order; also at the top level for clients that read it there. */
export const bargainDetailResponse = z
  .object({ bargain: bargainWithHelpers, helpers: z.array(bargainHelper) })
  .openapi("BargainDetailResponse");

export const bargainListResponse = z.object({ bargains: z.array(bargain) }).openapi("BargainList");

export const helpResponse = z.object({ cut_cents: z.number().int(), bargain }).openapi("BargainHelpResponse");
