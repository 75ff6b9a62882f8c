// An order as the contract shows it to its buyer, and to the merchant with distributor and contact.
import type { AdminOrderView, OrderView } from "../../core/contract/order";
import type { OrderWithItems } from "../../db/orders";

export function toOrderView(o: OrderWithItems): OrderView {
  return {
    id: o.id,
    status: o.status,
    items: o.items.map((i) => ({ product_id: i.productId, quantity: i.quantity, unit_price_cents: i.unitPriceCents })),
    subtotal_cents: o.subtotalCents,
    wallet_cents: o.walletCents,
    total_cents: o.totalCents,
    referrer_code: o.referrerCode,
    group_id: o.groupId,
    created_at: new Date(o.createdAt).toISOString(),
  };
}

/** The merchant's view: the attributed distributor (nickname looked up by the caller) and the contact. */
export function toAdminOrderView(o: OrderWithItems, nicknames: ReadonlyMap<number, string>): AdminOrderView {
  return {
    ...toOrderView(o),
    distributor:
      o.distributorUserId === null
        ? null
        : { user_id: o.distributorUserId, nickname: nicknames.get(o.distributorUserId) ?? "", code: o.referrerCode },
    contact: { name: o.contactName, phone: o.contactPhone, address: o.contactAddress },
  };
}
