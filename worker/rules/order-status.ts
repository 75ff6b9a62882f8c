// The order's life: pending → paid → shipped → completed, or cancelled (unpaid) / refunded (paid).

export type OrderStatus = "pending" | "paid" | "shipped" | "completed" | "cancelled" | "refunded";
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

/** Orders that count as sales: paid and neither refunded nor cancelled. */
export const SOLD_STATUSES = ["paid", "shipped", "completed"] as const satisfies readonly OrderStatus[];
