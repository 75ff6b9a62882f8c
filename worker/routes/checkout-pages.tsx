// The checkout page (`/checkout?product_id=`, `?bargain_id=`, `?product_id=&group=open`, `?group_id=`)
// and its form's own handler: a phone without JavaScript (or before the island loads) posts the form
// here, which places the order through the same service, attribution and idempotency as
// POST /api/orders and goes on (303) to pay: Stripe Checkout, or the order's page with the demo pay
// button. A refusal comes back on the page, with what was typed. Nothing of the form lands in a URL.
import { Hono, type Context } from "hono";
import { IDEMPOTENCY_KEY } from "../../core/contract/common";
import { createOrderBody } from "../../core/contract/order";
import type { ProductView } from "../../core/contract/product";
import { joinRefusal } from "../../core/rules/group-seats";
import { quoteLine } from "../../core/rules/order-pricing";
import { findBargain, findPurchasableBargain } from "../../db/bargains";
import { findGroup } from "../../db/groups";
import { findProduct } from "../../db/products";
import { getSettings } from "../../db/settings";
import { getWalletBalance } from "../../db/wallet";
import { t } from "../../storefront/i18n";
import type { CheckoutError, CheckoutValues } from "../../storefront/islands/checkout-form";
import { CheckoutPage } from "../../storefront/pages/checkout";
import { NotFoundPage } from "../../storefront/pages/not-found";
import type { AppEnv } from "../app-env";
import { unquoteKey } from "../lib/request-fingerprint";
import { paymentProvider } from "../lib/stripe";
import { dbOf } from "../middleware/database";
import { privatePage } from "../middleware/private-page";
import { currentUser } from "../middleware/session";
import { isOrderBuyer } from "../services/find-own-order";
import type { PlaceOrderRefusal } from "../services/place-order";
import { startPayment } from "../services/start-payment";
import { toProductView } from "../views/product";
import { formFields } from "./form-fields";
import { orderViewer, placeOrderFor } from "./order-requests";
import { placeRefusals } from "./orders";

const MAX_QUANTITY = 99;

/** What is being checked out: a product, a finished bargain, a group to open or to join. */
type Target = { productId: number; bargainId: string | null; groupId: string | null; openGroup: boolean };

/** After a refusal: its status, the reason shown, what was typed and the key to send again. */
type Refused = { status: 400 | 401 | 404 | 409 | 422; error: CheckoutError; values: CheckoutValues; key: string };

const targetOfQuery = (c: Context<AppEnv>): Target => ({
  productId: Number(c.req.query("product_id")),
  bargainId: c.req.query("bargain_id") ?? null,
  groupId: c.req.query("group_id") ?? null,
  openGroup: c.req.query("group") === "open",
});

const targetOfForm = (fields: Record<string, string>): Target => ({
  productId: Number(fields.product_id),
  bargainId: fields.bargain_id || null,
  groupId: fields.group_id || null,
  openGroup: fields.open_group === "1",
});

/** The checkout page of a target: where a shopper signs in and comes back to. */
function checkoutPath(target: Target): string {
  const query: Record<string, string> = target.bargainId
    ? { bargain_id: target.bargainId }
    : target.groupId
      ? { group_id: target.groupId }
      : { product_id: String(target.productId), ...(target.openGroup ? { group: "open" } : {}) };
  return `/checkout?${new URLSearchParams(query)}`;
}

const signInThenBack = (target: Target) => `/login?next=${encodeURIComponent(checkoutPath(target))}`;

const integer = (value: string | undefined, fallback: number) =>
  value === undefined || value === "" ? fallback : Number(value);

/**
 * The form's fields as the body POST /api/orders takes, before validation. Wallet cash is spent up to
 * the balance the page showed (the checkbox's value) and the item total at the price it quoted, so
 * the same form sent twice is the same body, whatever the first one spent; placing the order spends
 * no more than the item total at the price now (`walletUpToTotal`), should it have fallen since.
 */
function orderBodyOfForm(fields: Record<string, string>) {
  const target = targetOfForm(fields);
  const quantity = integer(fields.quantity, 1);
  const walletUpTo = integer(fields.use_wallet, 0);
  return {
    items: [{ product_id: target.productId, quantity }],
    contact: { name: fields.name ?? "", phone: (fields.phone ?? "").trim(), address: fields.address ?? "" },
    ...(walletUpTo > 0 ? { wallet_cents: Math.min(walletUpTo, integer(fields.unit_price_cents, NaN) * quantity) } : {}),
    ...(target.bargainId ? { bargain_id: target.bargainId } : {}),
    ...(target.groupId ? { group_id: target.groupId } : {}),
    ...(target.openGroup ? { open_group: true } : {}),
  };
}

const valuesOfForm = (fields: Record<string, string>): CheckoutValues => ({
  name: (fields.name ?? "").slice(0, 40),
  phone: (fields.phone ?? "").trim().slice(0, 11),
  address: (fields.address ?? "").slice(0, 200),
  quantity: Math.max(1, Math.min(MAX_QUANTITY, Math.floor(integer(fields.quantity, 1)) || 1)),
  useWallet: fields.use_wallet !== undefined,
});

/**
 * A refusal of the service, as the API answers it (its status, its code, the field it names).
 * @param earlierOrderId the order an idempotency key already placed, to link to
 */
function refusedAs(refusal: PlaceOrderRefusal, earlierOrderId: string | null): Pick<Refused, "status" | "error"> {
  const { status, code, field } = placeRefusals[refusal];
  return {
    status: status as Refused["status"],
    error: {
      code: code ?? (field ? "invalid_input" : refusal),
      fields: field ? [field.join(".")] : [],
      ...(earlierOrderId ? { orderId: earlierOrderId } : {}),
    },
  };
}

/**
 * The checkout page for a target. Opening it, a bargain that cannot be bought or a group that cannot
 * be joined sends the shopper back to its page; after a refusal, the page comes again with the reason.
 */
async function renderCheckout(c: Context<AppEnv>, target: Target, refused: Refused | null) {
  const db = dbOf(c);
  const back = (path: string) => c.redirect(path, refused ? 303 : 302);
  const notFound = (message: string) => c.render(<NotFoundPage message={message} origin={c.var.origin} />, 404);
  const user = await currentUser(c);
  // a bargain and a group are a signed-in shopper's
  if ((target.bargainId || target.groupId || target.openGroup) && !user) return back(signInThenBack(target));
  let productId = target.productId;
  let fixedCents: number | null = null;
  if (target.bargainId) {
    const id = target.bargainId;
    let bargain: { userId: number; productId: number; floorCents: number } | null;
    if (refused) {
      bargain = await findBargain(db, id);
    } else {
      const found = await findPurchasableBargain(db, id, user!.id, c.var.now);
      if (!found.ok) return back(`/b/${encodeURIComponent(id)}`);
      bargain = found.bargain;
    }
    if (!bargain || bargain.userId !== user!.id) return notFound(t.bargainNotFound);
    productId = bargain.productId;
    fixedCents = bargain.floorCents;
  } else if (target.groupId) {
    const found = await findGroup(db, target.groupId);
    if (!found) return notFound(t.groupNotFound);
    const { order_hold_minutes } = await getSettings(db, c.var.now);
    const state = { ...found, expires_at_ms: found.expiresAt };
    if (!refused && joinRefusal(state, c.var.now, order_hold_minutes * 60_000))
      return back(`/g/${encodeURIComponent(target.groupId)}`);
    productId = found.productId;
    fixedCents = found.priceCents;
  }
  const row = Number.isSafeInteger(productId) ? await findProduct(db, productId, { activeOnly: true }) : null;
  if (!row) return notFound(t.productNotFound);
  const product: ProductView = toProductView(row);
  if (target.openGroup) {
    if (!product.group) return back(`/p/${product.id}`);
    fixedCents = product.group.price_cents;
  }
  // the same quote the order will be charged at
  const quote = quoteLine(product, c.var.now, fixedCents);
  const page = (
    <CheckoutPage
      product={product}
      origin={c.var.origin}
      demo={paymentProvider(c.env) === "demo"}
      form={{
        productId: product.id,
        unitPriceCents: quote.unit_price_cents,
        maxQuantity: Math.max(1, Math.min(quote.available, MAX_QUANTITY)),
        bargainId: target.bargainId,
        group: target.groupId
          ? { id: target.groupId }
          : target.openGroup
            ? { open: true, size: product.group!.size }
            : null,
        walletCents: user ? await getWalletBalance(db, user.id) : null,
        loginHref: signInThenBack(target),
        idempotencyKey: refused?.key ?? crypto.randomUUID(),
        ...(refused ? { values: refused.values, error: refused.error } : {}),
      }}
    />
  );
  return refused ? c.render(page, refused.status) : c.render(page);
}

/** /checkout, and its form's POST /checkout */
export const checkoutPage = new Hono<AppEnv>()
  .use(privatePage)
  .get("/", (c) => renderCheckout(c, targetOfQuery(c), null))
  .post("/", async (c) => {
    const fields = await formFields(c);
    const target = targetOfForm(fields);
    const key = fields.idempotency_key;
    /** The page again; with `freshKey`, a new key for its next submit (this one placed another order). */
    const again = (refused: Pick<Refused, "status" | "error">, freshKey = false) =>
      renderCheckout(c, target, {
        ...refused,
        values: valuesOfForm(fields),
        key: !freshKey && key && IDEMPOTENCY_KEY.test(key) ? key : crypto.randomUUID(),
      });
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      return again({ status: 400, error: { code: "invalid_input", fields: ["idempotency_key"] } });
    }
    const parsed = createOrderBody.safeParse(orderBodyOfForm(fields));
    if (!parsed.success) {
      const fieldsNamed = parsed.error.issues.map((i) => i.path.map(String).join("."));
      return again({ status: 400, error: { code: "invalid_input", fields: fieldsNamed } });
    }
    const placed = await placeOrderFor(c, parsed.data, key === undefined ? undefined : unquoteKey(key), {
      walletUpToTotal: true,
    });
    if (!placed.ok) {
      if (placed.refusal === "product_not_found") {
        return c.render(<NotFoundPage message={t.productNotFound} origin={c.var.origin} />, 404);
      }
      // a key sent again with another body: a link to the order it placed, for its buyer only (a
      // guest's 我的订单 lists none)
      const earlier = placed.earlier && isOrderBuyer(placed.earlier, await orderViewer(c)) ? placed.earlier.id : null;
      return again(refusedAs(placed.refusal, earlier), placed.refusal === "idempotency_key_reused");
    }
    const { order } = placed;
    const payment = await startPayment(c.env, dbOf(c), order, { created: placed.created, origin: c.var.origin });
    if (payment.url) return c.redirect(payment.url, 303);
    // a group order already paid (the form sent again): its group, as after paying
    if (order.groupId && order.status !== "pending") return c.redirect(`/g/${encodeURIComponent(order.groupId)}`, 303);
    return c.redirect(`/orders/${encodeURIComponent(order.id)}`, 303);
  });
