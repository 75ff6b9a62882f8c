// Building blocks shared by the request and response schemas.
import { z } from "@hono/zod-openapi";

/** ¥1,000,000.00: anything above is a typo, not a price. */
export const MAX_PRICE_CENTS = 100_000_000;
export const MAX_STOCK = 1_000_000;

export const cents = z.number().int().min(0).max(MAX_PRICE_CENTS);
export const basisPoints = z.number().int().min(0).max(10_000);
export const isoTime = z.iso.datetime({ offset: true });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      /** What was wrong, field by field: `path` names the field in the request (`["contact", "phone"]`). */
      issues: z
        .array(z.object({ path: z.array(z.string()), message: z.string(), code: z.string().optional() }))
        .optional(),
    }),
  })
  .openapi("Error");

export const idParam = z.object({ id: z.coerce.number().int().positive() });
