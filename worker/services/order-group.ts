// The group part of placing an order: opening a group (拼团) at the product's group price, or joining
// one at its own price. Signed in, one unit of one product. What is checked here answers early with
// a clear refusal; what must hold under load is decided in the order's batch (db/group-seats.ts).
import type { CreateOrderInput } from "../../core/contract/order";
import type { ProductView } from "../../core/contract/product";
import { joinRefusal, type JoinRefusal } from "../../core/rules/group-seats";
import type { Db } from "../../db/client";
import type { NewOrder } from "../../db/create-order";
import { newGroupId } from "../../db/group-seats";
import { findGroup, type GroupRow } from "../../db/groups";
import type { SessionUser } from "../../db/sessions";

export type OrderGroupRefusal =
  "group_needs_sign_in" | "group_items" | "group_not_found" | "group_not_allowed" | JoinRefusal;

/** The group an order opens or joins, and the fixed price it pays; none for any other order. */
export type OrderGroup = { group: NewOrder["group"]; priceCents: number | null };

const groupState = (g: GroupRow) => ({
  status: g.status,
  size: g.size,
  reserved: g.reserved,
  expires_at_ms: g.expiresAt,
});

/**
 * @param product the one item's product (active), as the contract shows it
 * @param holdMs the payment hold: a join needs more time left in the group than this
 */
export async function orderGroup(
  db: Db,
  input: CreateOrderInput,
  ctx: { user: SessionUser | null; now: number },
  product: ProductView,
  holdMs: number,
): Promise<OrderGroup | { refusal: OrderGroupRefusal }> {
  if (!input.open_group && !input.group_id) return { group: null, priceCents: null };
  if (!ctx.user) return { refusal: "group_needs_sign_in" };
  const [item] = input.items;
  if (input.items.length !== 1 || item!.quantity !== 1) return { refusal: "group_items" };
  if (input.open_group) {
    if (!product.group) return { refusal: "group_not_allowed" };
    const deal = product.group;
    return {
      priceCents: deal.price_cents,
      group: {
        open: {
          id: newGroupId(),
          productId: product.id,
          leaderUserId: ctx.user.id,
          size: deal.size,
          priceCents: deal.price_cents,
          hours: deal.hours,
          perUserLimit: deal.per_user_limit,
          virtualFillAt: deal.virtual_fill_at,
          now: ctx.now,
        },
      },
    };
  }
  const found = await findGroup(db, input.group_id!);
  if (!found) return { refusal: "group_not_found" };
  if (found.productId !== item!.product_id) return { refusal: "group_items" };
  // a quick answer for a group that is plainly full or closed; the seat statement decides races
  const early = joinRefusal(groupState(found), ctx.now, holdMs);
  if (early) return { refusal: early };
  return { priceCents: found.priceCents, group: { join: { groupId: found.id, holdMs } } };
}

/** Why the seat statement refused a join, read from the group now (full unless it is plainly closed). */
export async function seatRefusal(db: Db, groupId: string, now: number, holdMs: number): Promise<JoinRefusal> {
  const found = await findGroup(db, groupId);
  if (!found) return "group_closed";
  return joinRefusal(groupState(found), now, holdMs) ?? "group_full";
}
