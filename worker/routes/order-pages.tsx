// Checkout (`/checkout?product_id=`, `?bargain_id=`, `?product_id=&group=open`, `?group_id=`) and
// 我的订单 (`/orders`): personal pages.
import { Hono } from "hono";
import { joinRefusal } from "../../core/rules/group-seats";
import { quoteLine } from "../../core/rules/order-pricing";
import { findPurchasableBargain } from "../../db/bargains";
import { findGroup } from "../../db/groups";
import { listOrders } from "../../db/orders";
import { findProduct, listAllProducts } from "../../db/products";
import { getSettings } from "../../db/settings";
import { getWalletBalance } from "../../db/wallet";
import { t } from "../../storefront/i18n";
import { CheckoutPage } from "../../storefront/pages/checkout";
import { NotFoundPage } from "../../storefront/pages/not-found";
import { OrdersPage } from "../../storefront/pages/orders";
import type { AppEnv } from "../app-env";
import { paymentProvider } from "../lib/stripe";
import { dbOf } from "../middleware/database";
import { privatePage } from "../middleware/private-page";
import { currentUser, requireUser } from "../middleware/session";
import { toOrderView } from "../views/order";
import { toProductView } from "../views/product";

const MAX_QUANTITY = 99;

/** /checkout */
export const checkoutPage = new Hono<AppEnv>().use(privatePage).get("/", async (c) => {
  const db = dbOf(c);
  const bargainId = c.req.query("bargain_id") ?? null;
  const groupId = c.req.query("group_id") ?? null;
  const openGroup = c.req.query("group") === "open";
  // a bargain and a group are a signed-in shopper's
  const user = bargainId || groupId || openGroup ? await requireUser(c) : await currentUser(c);
  let productId = Number(c.req.query("product_id"));
  let fixedCents: number | null = null;
  if (bargainId) {
    const found = await findPurchasableBargain(db, bargainId, user!.id, c.var.now);
    if (!found.ok) return c.redirect(`/b/${encodeURIComponent(bargainId)}`);
    productId = found.bargain.productId;
    fixedCents = found.bargain.floorCents;
  } else if (groupId) {
    const found = await findGroup(db, groupId);
    if (!found) return c.render(<NotFoundPage message={t.groupNotFound} origin={c.var.origin} />, 404);
    const { order_hold_minutes } = await getSettings(db, c.var.now);
    const state = { ...found, expires_at_ms: found.expiresAt };
    if (joinRefusal(state, c.var.now, order_hold_minutes * 60_000))
      return c.redirect(`/g/${encodeURIComponent(groupId)}`);
    productId = found.productId;
    fixedCents = found.priceCents;
  }
  const row = Number.isSafeInteger(productId) ? await findProduct(db, productId, { activeOnly: true }) : null;
  if (!row) return c.render(<NotFoundPage message={t.productNotFound} origin={c.var.origin} />, 404);
  const product = toProductView(row);
  if (openGroup) {
    if (!product.group) return c.redirect(`/p/${product.id}`);
    fixedCents = product.group.price_cents;
  }
  // the same quote the order will be charged at
  const quote = quoteLine(product, c.var.now, fixedCents);
  const self = `/checkout?${new URL(c.req.url).searchParams}`;
  return c.render(
    <CheckoutPage
      product={product}
      origin={c.var.origin}
      demo={paymentProvider(c.env) === "demo"}
      form={{
        productId: product.id,
        unitPriceCents: quote.unit_price_cents,
        maxQuantity: Math.max(1, Math.min(quote.available, MAX_QUANTITY)),
        bargainId,
        group: groupId ? { id: groupId } : openGroup ? { open: true, size: product.group!.size } : null,
        walletCents: user ? await getWalletBalance(db, user.id) : null,
        loginHref: `/login?next=${encodeURIComponent(self)}`,
      }}
    />,
  );
});

/** /orders */
export const ordersPage = new Hono<AppEnv>().use(privatePage).get("/", async (c) => {
  const db = dbOf(c);
  const user = await currentUser(c);
  if (!user) return c.render(<OrdersPage orders={null} titles={{}} origin={c.var.origin} />);
  const [mine, products] = await Promise.all([listOrders(db, { userId: user.id, limit: 50 }), listAllProducts(db)]);
  const titles = Object.fromEntries(products.map((p) => [p.id, p.title]));
  return c.render(<OrdersPage orders={mine.map(toOrderView)} titles={titles} origin={c.var.origin} />);
});
