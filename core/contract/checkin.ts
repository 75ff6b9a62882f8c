// Response bodies of the check-in endpoints (they take no request body).
import { z } from "@hono/zod-openapi";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .openapi({ example: "2026-11-26" });

export const checkinResponse = z
  .object({
    day,
    streak: z.number().int().min(1),
    credited_cents: z.number().int().min(0),
    wallet_cents: z.number().int().min(0),
  })
  .openapi("CheckinResult");

export const checkinStatusResponse = z
  .object({
    checked_in_today: z.boolean(),
    /** Today's or yesterday's streak; 0 once a day has been missed. */
    streak: z.number().int().min(0),
    schedule_cents: z.array(z.number().int().min(0)),
    wallet_cents: z.number().int().min(0),
    day,
    today_cents: z.number().int().min(0).openapi({ description: "What today's check-in pays, or paid" }),
  })
  .openapi("CheckinStatus");
