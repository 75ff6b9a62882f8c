// Order bodies and the order as the API shows it.
import { z } from "@hono/zod-openapi";
import { ORDER_STATUSES, PAYMENT_PROVIDERS } from "../enums";
import { phone } from "./auth";
import { cents, rowId } from "./common";

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
    created_at: z.string(),
  })
  .openapi("Order");

export type OrderView = z.infer<typeof order>;

export const orderResponse = z.object({ order }).openapi("OrderResponse");
export const createOrderResponse = z
  .object({
    order,
    payment: z.object({ provider: z.enum(PAYMENT_PROVIDERS), url: z.string().optional() }),
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
