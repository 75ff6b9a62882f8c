// The merchant's distributors: the leaderboard, and marking a distributor's commission paid out.
import { createRoute } from "@hono/zod-openapi";
import { getDb } from "../../db/client";
import { distributorLeaderboard, toLeaderboardEntry } from "../../db/distributor-leaderboard";
import { findDistributor } from "../../db/distributors";
import { payOutCommission } from "../../db/pay-out-commission";
import { now } from "../clock";
import { conflict, notFound } from "../errors";
import { adminOnly } from "../middleware/admin-only";
import { createRouter, errors, json } from "../openapi";
import { leaderboardResponse, payoutResponse, userIdParam } from "../schemas/admin";

const router = createRouter();
router.use("/admin/*", adminOnly);

export const adminDistributorRoutes = router
  .openapi(
    createRoute({
      method: "get",
      path: "/admin/distributors",
      responses: {
        200: json(leaderboardResponse, "Every distributor's all-time funnel and balances, best sellers first"),
        ...errors(401, 403),
      },
    }),
    async (c) => {
      const rows = await distributorLeaderboard(getDb(c.env.DB));
      return c.json({ distributors: rows.map(toLeaderboardEntry) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/admin/distributors/{user_id}/payout",
      request: { params: userIdParam },
      responses: {
        200: json(payoutResponse, "The whole available balance, now paid out"),
        ...errors(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const db = getDb(c.env.DB);
      const { user_id } = c.req.valid("param");
      if (!(await findDistributor(db, user_id))) throw notFound("No such distributor");
      const at = now();
      const amount = await payOutCommission(db, user_id, at);
      if (amount === 0) throw conflict("nothing_to_pay_out", "This distributor has no available commission");
      return c.json({ payout: { user_id, amount_cents: amount, created_at: new Date(at).toISOString() } }, 200);
    },
  );
