// A leaderboard row as the admin API shows it: the balances grouped under `commission`.
import type { LeaderboardEntry } from "../../core/contract/admin";
import type { LeaderboardRow } from "../../db/distributor-leaderboard";

export const toLeaderboardEntry = (r: LeaderboardRow): LeaderboardEntry => ({
  user_id: r.user_id,
  nickname: r.nickname,
  phone: r.phone,
  code: r.code,
  visits: r.visits,
  unique_visits: r.unique_visits,
  orders: r.orders,
  sales_cents: r.sales_cents,
  commission: {
    pending_cents: r.pending_cents,
    available_cents: r.available_cents,
    reversed_cents: r.reversed_cents,
    paid_out_cents: r.paid_out_cents,
  },
});
