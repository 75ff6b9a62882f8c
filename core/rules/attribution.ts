// Which distributor an order is credited to: the last link clicked within the window (7 days by
// default), unless the buyer is that distributor — buying through your own link earns nothing.

export type AttributionInput = {
  clicked_at: number;
  link_distributor_user_id: number;
  buyer_user_id: number | null;
  now: number;
  window_days: number;
};

export function attributedDistributor(input: AttributionInput): number | null {
  const age = input.now - input.clicked_at;
  if (age < 0 || age > input.window_days * 24 * 3600 * 1000) return null;
  if (input.buyer_user_id === input.link_distributor_user_id) return null;
  return input.link_distributor_user_id;
}
