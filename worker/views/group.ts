// A group as the contract shows it: its status and seats at a moment, its members (the leader first,
// paid or not yet), and the page to share, on this origin; the merchant's view adds the orders.
import type { AdminGroupView, GroupView } from "../../core/contract/group";
import { SEAT_STATUSES, type OrderStatus } from "../../core/enums";
import { groupStatusAt, seatsLeft, type GroupState } from "../../core/rules/group-seats";
import type { GroupRecord } from "../../db/groups";

/** A member has paid once their order was paid, whatever came after (shipped, or refunded when the group failed). */
const PAID: readonly OrderStatus[] = ["paid", "shipped", "completed", "refunded"];

/** Whose seat it is: an order holding one, or one a failed group refunded (a merchant's refund frees a seat). */
const holdsSeat = (g: GroupRecord, status: OrderStatus) =>
  (SEAT_STATUSES as readonly OrderStatus[]).includes(status) || (g.status === "failed" && status === "refunded");

export function groupState(g: GroupRecord): GroupState {
  return {
    status: g.status,
    size: g.size,
    reserved: g.reserved,
    paid: membersInOrder(g).filter((m) => PAID.includes(m.status)).length,
    expires_at_ms: g.expiresAt,
    virtual_fill_at: g.virtualFillAt,
  };
}

/** The leader first, then the others in the order they joined. */
const leaderFirst = (g: GroupRecord, members: GroupRecord["members"]) => [
  ...members.filter((m) => m.userId === g.leaderUserId),
  ...members.filter((m) => m.userId !== g.leaderUserId),
];

const membersInOrder = (g: GroupRecord) =>
  leaderFirst(
    g,
    g.members.filter((m) => holdsSeat(g, m.status)),
  );

export function toGroupView(g: GroupRecord, nowMs: number, origin: string): GroupView {
  const state = groupState(g);
  return {
    id: g.id,
    product_id: g.productId,
    size: g.size,
    price_cents: g.priceCents,
    status: groupStatusAt(state, nowMs),
    members: membersInOrder(g).map((m) => ({
      nickname: m.nickname,
      leader: m.userId === g.leaderUserId,
      paid: PAID.includes(m.status),
    })),
    seats_left: seatsLeft(state, nowMs),
    expires_at: new Date(g.expiresAt).toISOString(),
    share_url: `${origin}/g/${g.id}`,
  };
}

export function toAdminGroupView(g: GroupRecord, nowMs: number, origin: string): AdminGroupView {
  return {
    ...toGroupView(g, nowMs, origin),
    product_title: g.product.title,
    // every order of the group that is not cancelled, with its status
    members: leaderFirst(g, g.members).map((m) => ({
      nickname: m.nickname,
      leader: m.userId === g.leaderUserId,
      paid: PAID.includes(m.status),
      user_id: m.userId,
      order_id: m.orderId,
      order_status: m.status,
    })),
    created_at: new Date(g.createdAt).toISOString(),
    closed_at: g.closedAt === null ? null : new Date(g.closedAt).toISOString(),
  };
}
