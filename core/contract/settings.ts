// The merchant's settings: PRODUCT.md's defaults, each one a rule a merchant can change.
import { z } from "@hono/zod-openapi";

export const settingsSchema = z.object({
  time_zone: z.string().min(1),
  attribution_window_days: z.number().int().min(1).max(90),
  unique_visit_window_s: z.number().int().min(1).max(86_400),
  commission_bp: z.number().int().min(0).max(10_000),
  commission_l2_bp: z.number().int().min(0).max(10_000),
  commission_maturity_days: z.number().int().min(0).max(90),
  checkin_schedule_cents: z.array(z.number().int().min(0).max(100_000)).min(1).max(31),
  bargain_floor_cents: z.number().int().min(0),
  bargain_helpers: z.number().int().min(1).max(100),
  bargain_ttl_hours: z.number().int().min(1).max(168),
  bargain_helps_per_day: z.number().int().min(1).max(100),
  order_hold_minutes: z.number().int().min(1).max(1440),
});

export type StoreSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: StoreSettings = {
  time_zone: "Asia/Shanghai",
  attribution_window_days: 7,
  unique_visit_window_s: 3600,
  commission_bp: 1000,
  commission_l2_bp: 300,
  commission_maturity_days: 7,
  checkin_schedule_cents: [450, 100, 50, 20, 20, 20, 60],
  bargain_floor_cents: 1,
  bargain_helpers: 20,
  bargain_ttl_hours: 24,
  bargain_helps_per_day: 5,
  order_hold_minutes: 15,
};
