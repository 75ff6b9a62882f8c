// Group buying (拼团): the deal's bounds, a group's status at a moment, its seats, and whether a
// shopper may take one. The database applies the same conditions in one statement (db/group-seats.ts);
// these functions say what they mean and name a refusal after the fact.
import type { GroupStatus } from "../enums";

/** A group holds 2–10 people, 3 unless the merchant says otherwise. */
export const GROUP_SIZE = { min: 2, max: 10, default: 3 } as const;
/** A group stays open 1–72 hours after its leader pays, 24 unless the merchant says otherwise. */
export const GROUP_HOURS = { min: 1, max: 72, default: 24 } as const;
/** Group orders of one product a shopper may hold at once (pending, paid, shipped or completed). */
export const GROUP_PER_USER_LIMIT = { min: 1, max: 99, default: 1 } as const;

export const HOUR_MS = 3_600_000;

/** What the rules need to know of a group. Times are epoch ms. */
export type GroupState = {
  status: GroupStatus;
  size: number;
  /** Seats taken: orders of the group that are pending, paid, shipped or completed. */
  reserved: number;
  /** Members who have paid. */
  paid: number;
  expires_at_ms: number;
  /** With a virtual fill, a group with at least this many paid members succeeds at its deadline. */
  virtual_fill_at: number | null;
};

export type JoinRefusal = "group_closed" | "group_full";

/** How an open group ends at its deadline: succeeded when the virtual fill is reached, failed otherwise. */
export function outcomeAtDeadline(paid: number, virtualFillAt: number | null): "succeeded" | "failed" {
  return virtualFillAt !== null && paid >= virtualFillAt ? "succeeded" : "failed";
}

/**
 * The status a shopper sees now: an open group past its deadline has ended (the minute cron writes
 * the same outcome and refunds a failed group's paid orders soon after).
 */
export function groupStatusAt(g: GroupState, nowMs: number): GroupStatus {
  if (g.status === "open" && nowMs >= g.expires_at_ms) return outcomeAtDeadline(g.paid, g.virtual_fill_at);
  return g.status;
}

/** Whether a join placed now can still be paid before the deadline: more time left than the payment hold. */
export const hasTimeForHold = (expiresAtMs: number, nowMs: number, holdMs: number) => expiresAtMs - nowMs > holdMs;

/**
 * Why a shopper cannot take a seat now, or null when they can: the group must be open, with more
 * time left than the payment hold (an unpaid join would otherwise outlive the group), and a seat free.
 */
export function joinRefusal(
  g: Pick<GroupState, "status" | "size" | "reserved" | "expires_at_ms">,
  nowMs: number,
  holdMs: number,
): JoinRefusal | null {
  if (g.status !== "open" || !hasTimeForHold(g.expires_at_ms, nowMs, holdMs)) return "group_closed";
  if (g.reserved >= g.size) return "group_full";
  return null;
}

/** Seats anyone could still take now: none once the group has ended or is not open yet. */
export function seatsLeft(g: GroupState, nowMs: number): number {
  if (groupStatusAt(g, nowMs) !== "open") return 0;
  return Math.max(0, g.size - g.reserved);
}

/**
 * Seats the store fills when a group succeeds by its virtual fill: shown as the store's, never as
 * invented names. 0 for a group that filled itself or has not succeeded.
 */
export function storeFilledSeats(g: GroupState, members: number, nowMs: number): number {
  return groupStatusAt(g, nowMs) === "succeeded" ? Math.max(0, g.size - members) : 0;
}

/** When a group opened now by its leader's payment closes. */
export const deadlineOf = (openedAtMs: number, hours: number) => openedAtMs + hours * HOUR_MS;
