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

/** The largest row id the store hands out (SQLite's rowids fit far more; no table comes near this). */
export const MAX_ID = 2_147_483_647;
/** A row id in a body. */
export const rowId = z.number().int().min(1).max(MAX_ID);
/** A row id in a path: digits, at most MAX_ID. */
export const pathId = z.coerce.number().int().min(1).max(MAX_ID);

export const idParam = z.object({ id: pathId });

/**
 * An Idempotency-Key: 16–200 characters of `A–Z a–z 0–9 . _ ~ + / = : -` (a UUID will do), bare or as
 * the IETF draft's Structured Field string in double quotes. Long enough that a key cannot be guessed:
 * without a session, the key alone names its request.
 */
export const IDEMPOTENCY_KEY = /^(?:"[A-Za-z0-9._~+/=:-]{16,200}"|[A-Za-z0-9._~+/=:-]{16,200})$/;

/** The Idempotency-Key header of a money-moving POST. */
export const idempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .regex(IDEMPOTENCY_KEY)
    .optional()
    .openapi({
      description:
        "A key of the client's (a UUID will do; bare or as a quoted Structured Field string). The first request " +
        "under a key acts; a retry with the same key and body gets the same answer again, never a second action; " +
        "the same key with another body is `422 idempotency_key_reused`. A signed-in user's keys are theirs " +
        "alone; without a session the key alone names the request. Keys are kept 24 hours.",
      example: "8e03978e-40d5-43e8-bc93-6894a57f9324",
    }),
});
