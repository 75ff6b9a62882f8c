// Places a shopper's order: prices from the database, attribution from the last link clicked,
// wallet cash for signed-in buyers, a group opened or joined, one atomic batch, and the same order
// again for a retried key.
import { customAlphabet } from "nanoid";
import type { CreateOrderInput } from "../../core/contract/order";
import type { PaymentProvider } from "../../core/enums";
import { attributedDistributor } from "../../core/rules/attribution";
import { commissionShares } from "../../core/rules/commission";
import { maxWalletSpend, priceLines, subtotalOf } from "../../core/rules/order-pricing";
import { findPurchasableBargain, type NotPurchasable } from "../../db/bargains";
import type { Db } from "../../db/client";
import { createOrder } from "../../db/create-order";
import { findDistributor } from "../../db/distributors";
import { findLink } from "../../db/find-link";
import { findOrder, findOrderByIdempotencyKey, type OrderWithItems } from "../../db/orders";
import { findProduct } from "../../db/products";
import type { SessionUser } from "../../db/sessions";
import { getSettings } from "../../db/settings";
import { jsonHash } from "../lib/request-fingerprint";
import type { Attribution } from "../middleware/attribution";
import { toProductView } from "../views/product";
import { orderGroup, seatRefusal, type OrderGroupRefusal } from "./order-group";

/** 12 characters of 32: unguessable, so a guest's order id is safe to put in a URL. */
export const newOrderId = customAlphabet("23456789ABCDEFGHJKLMNPQRSTUVWXYZ", 12);

export type PlaceOrderContext = {
  db: Db;
  user: SessionUser | null;
  visitorId: string;
  attribution: Attribution | null;
  idempotencyKey: string | undefined;
  paymentProvider: PaymentProvider;
  now: number;
  /**
   * `wallet_cents` is what the checkout page offered to spend, at the price it showed: a price that
   * fell since spends up to the new item total instead of being refused (the API refuses more).
   */
  walletUpToTotal: boolean;
};

export type PlaceOrderRefusal =
  | "idempotency_key_reused"
  | "product_not_found"
  | "out_of_stock"
  | "insufficient_wallet"
  | "wallet_needs_sign_in"
  | "wallet_over_total"
  | "bargain_needs_sign_in"
  | "bargain_not_found"
  | "bargain_items"
  | Exclude<NotPurchasable, "not_found">
  | OrderGroupRefusal
  | "already_in_group"
  | "group_limit";

export type PlaceOrderResult =
  | { ok: true; order: OrderWithItems; created: boolean }
  /** `earlier`: for idempotency_key_reused, the order the key placed (whoever asks: check before showing it). */
  | { ok: false; refusal: PlaceOrderRefusal; earlier?: OrderWithItems };

const refused = (refusal: PlaceOrderRefusal) => ({ ok: false, refusal }) as const;

async function findReferrer(db: Db, ctx: PlaceOrderContext, windowDays: number) {
  if (!ctx.attribution) return null;
  const link = await findLink(db.$client, ctx.attribution.code);
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

/** A finished bargain buys its product once, one unit, at the floor price. */
async function bargainFloor(
  input: CreateOrderInput,
  ctx: PlaceOrderContext,
): Promise<{ floorCents: number | null } | { refusal: PlaceOrderRefusal }> {
  if (!input.bargain_id) return { floorCents: null };
  if (!ctx.user) return { refusal: "bargain_needs_sign_in" };
  const found = await findPurchasableBargain(ctx.db, input.bargain_id, ctx.user.id, ctx.now);
  if (!found.ok) return { refusal: found.reason === "not_found" ? "bargain_not_found" : found.reason };
  const [item] = input.items;
  if (input.items.length !== 1 || item!.product_id !== found.bargain.productId || item!.quantity !== 1) {
    return { refusal: "bargain_items" };
  }
  return { floorCents: found.bargain.floorCents };
}

/** The order a key already placed; the same key with another body is refused. */
async function earlierOrder(db: Db, idempotency: { scope: string; key: string; requestHash: string }) {
  const earlier = await findOrderByIdempotencyKey(db, idempotency.scope, idempotency.key);
  if (!earlier) return null;
  // rows written before bodies were hashed have none: their key still names their order
  if (earlier.requestHash !== null && earlier.requestHash !== idempotency.requestHash) {
    return { ...refused("idempotency_key_reused"), earlier: earlier.order };
  }
  return { ok: true, order: earlier.order, created: false } as const;
}

/**
 * One order per Idempotency-Key: a signed-in buyer's keys are scoped to their account (`u:<id>`);
 * anyone without a session shares one scope (`g`), so a retry that lost the first answer, and the
 * cookies it set, still finds its order by the key alone.
 */
export async function placeOrder(input: CreateOrderInput, ctx: PlaceOrderContext): Promise<PlaceOrderResult> {
  const { db } = ctx;
  const scope = ctx.user ? `u:${ctx.user.id}` : "g";
  const idempotency = ctx.idempotencyKey
    ? { scope, key: ctx.idempotencyKey, requestHash: await jsonHash(input) }
    : null;
  if (idempotency) {
    const earlier = await earlierOrder(db, idempotency);
    if (earlier) return earlier;
  }

  const walletAsked = input.wallet_cents ?? 0;
  if (walletAsked > 0 && !ctx.user) return refused("wallet_needs_sign_in");

  const bargain = await bargainFloor(input, ctx);
  if ("refusal" in bargain) return refused(bargain.refusal);
  const settings = await getSettings(db, ctx.now);
  const products = await Promise.all(input.items.map((i) => findProduct(db, i.product_id, { activeOnly: true })));
  if (products.some((p) => !p)) return refused("product_not_found");
  const holdMs = settings.order_hold_minutes * 60_000;
  const grouping = await orderGroup(db, input, ctx, toProductView(products[0]!), holdMs);
  if ("refusal" in grouping) return refused(grouping.refusal);

  const priced = priceLines(
    input.items.map((i, n) => ({ product: toProductView(products[n]!), quantity: i.quantity })),
    ctx.now,
    bargain.floorCents ?? grouping.priceCents,
  );
  if (!Array.isArray(priced)) return refused("out_of_stock");
  const subtotalCents = subtotalOf(priced);
  const walletCents = ctx.walletUpToTotal ? Math.min(walletAsked, maxWalletSpend(subtotalCents)) : walletAsked;
  if (walletCents > maxWalletSpend(subtotalCents)) return refused("wallet_over_total");

  const referrer = await findReferrer(db, ctx, settings.attribution_window_days);
  const recruiter = referrer
    ? ((await findDistributor(db, referrer.distributorUserId))?.recruiterUserId ?? null)
    : null;
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
    group: grouping.group,
    contact: input.contact,
    paymentProvider: ctx.paymentProvider,
    holdUntil: ctx.now + holdMs,
    now: ctx.now,
  });
  if (result.ok) return { ok: true, order: (await findOrder(db, orderId))!, created: true };
  if (result.refusal === "duplicate_key") {
    // a request with the same key won the race, and nothing of this one was written: its order is the answer
    return (await earlierOrder(db, idempotency!))!;
  }
  if (result.refusal === "group_seat_refused") {
    return refused(await seatRefusal(db, input.group_id!, ctx.now, holdMs));
  }
  return refused(result.refusal);
}
