// The merchant's dashboard, leaderboard, payouts and settings, as the admin API shows them.
import { z } from "@hono/zod-openapi";
import { isTimeZone } from "../rules/zoned-time";
import { pathId } from "./common";
import { settingsSchema } from "./settings";

const count = z.number().int();

const dashboardDay = z.object({
  day: z.string().openapi({ example: "2026-11-25" }),
  visits: count,
  unique_visits: count,
  /** Orders placed that day that are paid, shipped or completed. */
  orders: count,
  sales_cents: count,
});

const topProduct = z.object({ product_id: count, title: z.string(), quantity: count, sales_cents: count });

const topDistributor = z.object({
  user_id: count,
  nickname: z.string(),
  code: z.string().nullable(),
  visits: count,
  orders: count,
  sales_cents: count,
});

export const dashboardResponse = z
  .object({
    time_zone: z.string().openapi({ example: "Asia/Shanghai" }),
    /** The last 30 calendar days in the store's zone, oldest first; the last is today. */
    days: z.array(dashboardDay),
    totals: dashboardDay.omit({ day: true }),
    top_products: z.array(topProduct),
    top_distributors: z.array(topDistributor),
  })
  .openapi("AdminDashboard");

export type DashboardDay = z.infer<typeof dashboardDay>;
export type DashboardTotals = Omit<DashboardDay, "day">;
export type TopProduct = z.infer<typeof topProduct>;
export type TopDistributor = z.infer<typeof topDistributor>;
/** What the dashboard's reads return: the days and the two top lists. */
export type Dashboard = Pick<z.infer<typeof dashboardResponse>, "days" | "top_products" | "top_distributors">;

export const leaderboardEntry = z
  .object({
    user_id: count,
    nickname: z.string(),
    phone: z.string(),
    code: z.string(),
    visits: count,
    unique_visits: count,
    orders: count,
    sales_cents: count,
    commission: z.object({
      pending_cents: count,
      available_cents: count,
      reversed_cents: count,
      paid_out_cents: count,
    }),
  })
  .openapi("LeaderboardEntry");
export type LeaderboardEntry = z.infer<typeof leaderboardEntry>;

export const leaderboardResponse = z.object({ distributors: z.array(leaderboardEntry) }).openapi("Leaderboard");

export const userIdParam = z.object({ user_id: pathId });

export const payoutResponse = z
  .object({ payout: z.object({ user_id: count, amount_cents: count, created_at: z.string() }) })
  .openapi("Payout");

export const settingsResponse = z.object({ settings: settingsSchema }).openapi("StoreSettings");

/** Any settings; an unknown key or a time zone the runtime does not know is refused. */
export const settingsPatchBody = settingsSchema
  .partial()
  .strict()
  .superRefine((s, ctx) => {
    if (s.time_zone !== undefined && !isTimeZone(s.time_zone)) {
      ctx.addIssue({ code: "custom", path: ["time_zone"], message: "An IANA time zone such as Asia/Shanghai" });
    }
  })
  .openapi("StoreSettingsPatch");
export type SettingsPatch = z.infer<typeof settingsPatchBody>;
