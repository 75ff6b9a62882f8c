// Where a bargain stands at a moment, and why a friend's help would be refused.

import type { BargainStatus } from "../enums";

export type BargainState = {
  helperCount: number;
  helpersNeeded: number;
  /** epoch ms; the bargain lasts `bargain_ttl_hours` (24) from its start */
  expiresAt: number;
  /** an order that is not cancelled has bought it */
  purchased: boolean;
};

/**
 * `purchased` once an order holds it; otherwise `expired` from `expiresAt` on, even when every
 * helper came (a finished bargain can be bought only before it expires); `complete` when the last
 * required helper has cut; `active` while it still takes help.
 */
export function bargainStatus(b: BargainState, nowMs: number): BargainStatus {
  if (b.purchased) return "purchased";
  if (nowMs >= b.expiresAt) return "expired";
  if (b.helperCount >= b.helpersNeeded) return "complete";
  return "active";
}

export type HelpRefusal = "own_bargain" | "already_helped" | "bargain_complete" | "bargain_expired" | "help_limit";

export type HelpAttempt = BargainState & {
  isStarter: boolean;
  alreadyHelped: boolean;
  /** helps this helper gave on the current store day */
  helpsToday: number;
  helpsPerDay: number;
};

/**
 * Why a help cannot land, the most specific reason first: the starter's own bargain, a second help,
 * a bargain with all its helpers (bought or not), one past its expiry, a helper past the day's helps (`helpsPerDay`).
 * @returns the refusal's error code, or null when the help may land
 */
export function helpRefusal(a: HelpAttempt, nowMs: number): HelpRefusal | null {
  if (a.isStarter) return "own_bargain";
  if (a.alreadyHelped) return "already_helped";
  if (a.purchased || a.helperCount >= a.helpersNeeded) return "bargain_complete";
  if (nowMs >= a.expiresAt) return "bargain_expired";
  if (a.helpsToday >= a.helpsPerDay) return "help_limit";
  return null;
}
