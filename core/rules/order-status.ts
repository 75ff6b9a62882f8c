// The order's life: pending → paid → shipped → completed, or cancelled (unpaid) / refunded (paid).

import type { OrderStatus } from "../enums";

export type OrderAction = "pay" | "ship" | "complete" | "refund" | "cancel";

/** For each action, the statuses it may start from and the status it leads to. */
export const TRANSITIONS: Record<OrderAction, { from: OrderStatus[]; to: OrderStatus }> = {
  pay: { from: ["pending"], to: "paid" },
  ship: { from: ["paid"], to: "shipped" },
  complete: { from: ["shipped"], to: "completed" },
  refund: { from: ["paid", "shipped", "completed"], to: "refunded" },
  cancel: { from: ["pending"], to: "cancelled" },
};

export function canTransition(from: OrderStatus, action: OrderAction): boolean {
  return TRANSITIONS[action].from.includes(from);
}
