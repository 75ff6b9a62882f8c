// Order bodies and the order as the API shows it.
import { z } from "@hono/zod-openapi";
import { ORDER_STATUSES, PAYMENT_PROVIDERS } from "../enums";
import { phone } from "./auth";
import { cents, rowId } from "./common";
import { group, groupIdParam } from "./group";

export const createOrderBody = z
  .object({
    items: z
      .array(z.object({ product_id: rowId, quantity: z.number().int().min(1).max(99) }))
      .min(1)
      .max(20)
      .refine(
        (items) => new Set(items.map((i) => i.product_id)).size === items.length,
        "Each product once; use quantity",
      ),
    contact: z.object({
      name: z.string().trim().min(1).max(40),
      phone,
      address: z.string().trim().min(5, "A full delivery address").max(200),
    }),
    wallet_cents: cents.optional(),
    bargain_id: z.string().min(1).max(40).optional(),
    /** Opens a group (拼团) at the product's group price: signed in, one item, quantity 1. */
    open_group: z.boolean().optional(),
    /** Joins this group at its price: signed in, one unit of its product. */
    group_id: groupIdParam.shape.id.optional(),
  })
  .superRefine((body, ctx) => {
    const ways = [body.bargain_id !== undefined, body.open_group === true, body.group_id !== undefined];
    if (ways.filter(Boolean).length > 1) {
      ctx.addIssue({
        code: "custom",
        path: [body.group_id !== undefined ? "group_id" : "open_group"],
        message: "An order is a bargain's, opens a group or joins one: one of them",
      });
    }
  })
  .openapi("CreateOrderBody");
export type CreateOrderInput = z.infer<typeof createOrderBody>;

const orderStatus = z.enum(ORDER_STATUSES);

export const order = z
  .object({
    id: z.string(),
    status: orderStatus,
    items: z.array(
      z.object({ product_id: z.number().int(), quantity: z.number().int(), unit_price_cents: z.number().int() }),
    ),
    subtotal_cents: z.number().int(),
    wallet_cents: z.number().int(),
    total_cents: z.number().int(),
    referrer_code: z.string().nullable(),
    /** The group (拼团) this order opened or joined. */
    group_id: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi("Order");

export type OrderView = z.infer<typeof order>;

export const orderResponse = z.object({ order }).openapi("OrderResponse");
export const createOrderResponse = z
  .object({
    order,
    payment: z.object({ provider: z.enum(PAYMENT_PROVIDERS), url: z.string().optional() }),
    /** For an order that opened or joined a group: the group, with this order's seat. */
    group: group.optional(),
  })
  .openapi("CreateOrderResponse");
export type PlacedOrder = z.infer<typeof createOrderResponse>;

export const adminOrder = order
  .extend({
    distributor: z.object({ user_id: z.number().int(), nickname: z.string(), code: z.string().nullable() }).nullable(),
    contact: z.object({ name: z.string(), phone: z.string(), address: z.string() }),
  })
  .openapi("AdminOrder");
export type AdminOrderView = z.infer<typeof adminOrder>;

export const orderListQuery = z.object({ status: orderStatus.optional() });
export const orderListResponse = z.object({ orders: z.array(order) }).openapi("OrderList");
export const adminOrderListResponse = z.object({ orders: z.array(adminOrder) }).openapi("AdminOrderList");

export const orderIdParam = z.object({ id: z.string().min(1).max(40) });
