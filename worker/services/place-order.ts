// Places a shopper's order: prices from the database, attribution from the last link clicked,
// wallet cash for signed-in buyers, one atomic batch, and the same order again for a retried key.
import { customAlphabet } from "nanoid";
import type { Db } from "../../db/client";
import { createOrder } from "../../db/create-order";
import { findDistributor } from "../../db/distributors";
import { findOrder, findOrderByIdempotencyKey, type OrderWithItems } from "../../db/orders";
import { findProduct, toProductView } from "../../db/products";
import { findLink } from "../../db/find-link";
import { getSettings } from "../../db/settings";
import type { SessionUser } from "../../db/sessions";
import { findPurchasableBargain } from "../../db/bargains";
import { ApiError, conflict, notFound, unauthenticated } from "../errors";
import type { Attribution } from "../middleware/attribution";
import { attributedDistributor } from "../rules/attribution";
import { commissionShares } from "../rules/commission";
import { maxWalletSpend, priceLines, subtotalOf } from "../rules/order-pricing";
import type { CreateOrderInput } from "../schemas/order";

/** 12 characters of 32: unguessable, so a guest's order id is safe to put in a URL. */
export const newOrderId = customAlphabet("23456789ABCDEFGHJKLMNPQRSTUVWXYZ", 12);

export type PlaceOrderContext = {
  db: Db;
  user: SessionUser | null;
  visitorId: string;
  attribution: Attribution | null;
  idempotencyKey: string | undefined;
  paymentProvider: "demo" | "stripe";
  now: number;
};

const invalid = (path: string[], message: string) =>
  new ApiError(400, "invalid_input", message, [{ path, message }]);

async function findReferrer(db: Db, ctx: PlaceOrderContext, windowDays: number) {
  if (!ctx.attribution) return null;
  const link = await findLink(db, ctx.attribution.code);
  if (!link) return null;
  const distributorUserId = attributedDistributor({
    clicked_at: ctx.attribution.clicked_at,
    link_distributor_user_id: link.distributorUserId,
    buyer_user_id: ctx.user?.id ?? null,
    now: ctx.now,
    window_days: windowDays,
  });
  return distributorUserId === null ? null : { code: ctx.attribution.code, distributorUserId };
}

/** A finished bargain buys its product once, one unit, at the floor price. @returns the floor */
async function bargainFloor(input: CreateOrderInput, ctx: PlaceOrderContext): Promise<number | null> {
  if (!input.bargain_id) return null;
  if (!ctx.user) throw unauthenticated();
  const found = await findPurchasableBargain(ctx.db, input.bargain_id, ctx.user.id, ctx.now);
  if (!found.ok) {
    if (found.reason === "not_found") throw notFound("No such bargain of yours");
    throw conflict(found.reason, `This bargain cannot be bought now: ${found.reason.replace("bargain_", "")}`);
  }
  const [item] = input.items;
  if (input.items.length !== 1 || item!.product_id !== found.bargain.productId || item!.quantity !== 1) {
    throw invalid(["items"], "A bargain buys exactly one unit of its own product");
  }
  return found.bargain.floorCents;
}

/** @returns the order, and whether this call created it (false: an earlier call with the same key did). */
export async function placeOrder(
  input: CreateOrderInput,
  ctx: PlaceOrderContext,
): Promise<{ order: OrderWithItems; created: boolean }> {
  const { db } = ctx;
  const scope = ctx.user ? `u:${ctx.user.id}` : `v:${ctx.visitorId}`;
  const idempotency = ctx.idempotencyKey ? { scope, key: ctx.idempotencyKey } : null;
  if (idempotency) {
    const earlier = await findOrderByIdempotencyKey(db, idempotency.scope, idempotency.key);
    if (earlier) return { order: earlier, created: false };
  }

  const walletCents = input.wallet_cents ?? 0;
  if (walletCents > 0 && !ctx.user) throw invalid(["wallet_cents"], "Sign in to spend wallet cash");

  const floorCents = await bargainFloor(input, ctx);
  const settings = await getSettings(db);
  const products = await Promise.all(input.items.map((i) => findProduct(db, i.product_id, { activeOnly: true })));
  const missing = input.items.find((_, n) => !products[n]);
  if (missing) throw notFound(`No such product: ${missing.product_id}`);

  const priced = priceLines(
    input.items.map((i, n) => ({ product: toProductView(products[n]!), quantity: i.quantity })),
    ctx.now,
    floorCents,
  );
  if (!Array.isArray(priced)) throw conflict("out_of_stock", `Not enough stock for product ${priced.product_id}`);
  const subtotalCents = subtotalOf(priced);
  if (walletCents > maxWalletSpend(subtotalCents)) {
    throw invalid(["wallet_cents"], "Wallet cash can pay at most the item total");
  }

  const referrer = await findReferrer(db, ctx, settings.attribution_window_days);
  const recruiter = referrer ? ((await findDistributor(db, referrer.distributorUserId))?.recruiterUserId ?? null) : null;
  const orderId = newOrderId();
  const result = await createOrder(db, {
    id: orderId,
    userId: ctx.user?.id ?? null,
    visitorId: ctx.visitorId,
    idempotency,
    lines: priced,
    subtotalCents,
    walletCents,
    referrerCode: referrer?.code ?? null,
    distributorUserId: referrer?.distributorUserId ?? null,
    commissionShares: commissionShares(
      priced.map((l) => ({ paid_cents: l.unit_price_cents * l.quantity, ...l })),
      referrer?.distributorUserId ?? null,
      recruiter,
    ),
    bargainId: input.bargain_id ?? null,
    contact: input.contact,
    paymentProvider: ctx.paymentProvider,
    holdUntil: ctx.now + settings.order_hold_minutes * 60_000,
    now: ctx.now,
  });
  if (result.ok) return { order: (await findOrder(db, orderId))!, created: true };
  switch (result.refusal) {
    case "duplicate_key": {
      const earlier = await findOrderByIdempotencyKey(db, idempotency!.scope, idempotency!.key);
      return { order: earlier!, created: false };
    }
    case "out_of_stock":
      throw conflict("out_of_stock", "Sold out while you were ordering");
    case "insufficient_wallet":
      throw conflict("insufficient_wallet", "Your wallet does not hold that much cash");
    case "bargain_purchased":
      throw conflict("bargain_purchased", "This bargain has already been bought");
  }
}
