// A group's seats and status as batchable statements, written in the batches of its orders: the
// group an order opens, the seat an order takes, and what paying, cancelling or refunding one
// means for its group. The one statement that takes a seat is the group's guard under load.
import { and, eq, gt, sql } from "drizzle-orm";
import { customAlphabet } from "nanoid";
import { SEAT_STATUSES } from "../core/enums";
import { HOUR_MS } from "../core/rules/group-seats";
import type { Db } from "./client";
import type { ConstraintFailure } from "./constraint-failure";
import { failedGroupRefundStatements } from "./group-refunds";
import { GUARDS, groups } from "./schema";

export const newGroupId = customAlphabet("23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ", 12);

/** The statuses of orders that hold a seat, as an SQL list (constants, never input). */
const seatHolding = sql.raw(SEAT_STATUSES.map((s) => `'${s}'`).join(", "));

/** Seats taken: the group's orders that hold one, counted from the orders themselves. */
const seatsTaken = (groupId: string) =>
  sql`(SELECT count(*) FROM orders WHERE orders.group_id = ${groupId} AND orders.status IN (${seatHolding}))`;

export type NewGroup = {
  id: string;
  productId: number;
  leaderUserId: number;
  size: number;
  priceCents: number;
  hours: number;
  perUserLimit: number;
  virtualFillAt: number | null;
  now: number;
};

/** A group pending its leader's payment, the leader's seat taken, the product's deal copied onto it. */
export function openGroupStatement(db: Db, g: NewGroup) {
  return db.insert(groups).values({
    id: g.id,
    productId: g.productId,
    leaderUserId: g.leaderUserId,
    status: "pending",
    size: g.size,
    priceCents: g.priceCents,
    hours: g.hours,
    perUserLimit: g.perUserLimit,
    virtualFillAt: g.virtualFillAt,
    reserved: 1,
    expiresAt: g.now + g.hours * HOUR_MS,
    createdAt: g.now,
  });
}

/**
 * Takes a seat for the order written just before it in the same batch: the group's seats are
 * recounted with that order in them, and a group that is not open, or has no more time left than
 * the payment hold, counts as over-full. Either way more seats than `size` abort the whole batch
 * (the order, its stock, its wallet cash) through the groups_seats_within_size CHECK.
 */
export function takeSeatStatement(db: Db, groupId: string, now: number, holdMs: number) {
  // a group never holds more members than its size, however many join at once
  return db
    .update(groups)
    .set({
      reserved: sql`${seatsTaken(groupId)}
        + IIF(groups.status = 'open' AND groups.expires_at - ${now} > ${holdMs}, 0, groups.size + 1)`,
    })
    .where(eq(groups.id, groupId));
}

/** Counts the seats again after an order of the group let go of its own (cancelled, refunded): idempotent. */
export function recountSeatsStatement(db: Db, groupId: string) {
  return db
    .update(groups)
    .set({ reserved: seatsTaken(groupId) })
    .where(eq(groups.id, groupId));
}

/**
 * What an order's payment means for its group, for the payment's own batch (after the order's move):
 * a payment for a group that has failed is refunded at once, in full; the leader's payment opens a
 * pending group for its hours from now; the payment of its last seat succeeds an open group before
 * its deadline. Each statement applies only when its condition holds, so running them twice is harmless.
 */
export function groupPaidStatements(db: Db, groupId: string, orderId: string, now: number) {
  return [
    ...failedGroupRefundStatements(db, groupId, now),
    db
      .update(groups)
      .set({ status: "open", openedAt: now, expiresAt: sql`${now} + groups.hours * ${HOUR_MS}` })
      .where(
        and(
          eq(groups.id, groupId),
          eq(groups.status, "pending"),
          sql`groups.leader_user_id = (SELECT orders.user_id FROM orders WHERE orders.id = ${orderId} AND orders.status = 'paid')`,
        ),
      ),
    db
      .update(groups)
      .set({ status: "succeeded", closedAt: now })
      .where(
        and(
          eq(groups.id, groupId),
          eq(groups.status, "open"),
          gt(groups.expiresAt, now),
          sql`(SELECT count(*) FROM orders WHERE orders.group_id = ${groupId} AND orders.status = 'paid') >= groups.size`,
        ),
      ),
  ];
}

/**
 * What an order's cancellation means for its group: its seat is free again, and a pending group whose
 * leader never paid has failed (there is nothing to refund: no one else could join it).
 */
export function groupCancelledStatements(db: Db, groupId: string, now: number) {
  return [
    recountSeatsStatement(db, groupId),
    db
      .update(groups)
      .set({ status: "failed", closedAt: now })
      .where(
        and(
          eq(groups.id, groupId),
          eq(groups.status, "pending"),
          sql`NOT EXISTS (SELECT 1 FROM orders WHERE orders.group_id = ${groupId} AND orders.status IN ('pending', 'paid'))`,
        ),
      ),
  ];
}

export type GroupRefusal = "group_seat_refused" | "already_in_group" | "group_limit";

/** Which group guard refused an order's batch, by its exact name (GUARDS, db/schema/guards.ts), or null. */
export function groupRefusalOf(failure: ConstraintFailure | null): GroupRefusal | null {
  if (failure?.kind === "check" && failure.name === GUARDS.groupSeatsWithinSize) return "group_seat_refused";
  if (failure?.kind === "raise" && failure.message === GUARDS.oneLiveGroupPerProduct) return "already_in_group";
  if (failure?.kind === "raise" && failure.message === GUARDS.groupOrdersWithinLimit) return "group_limit";
  return null;
}
