// Checkout (`/checkout?product_id=` or `?bargain_id=`) and 我的订单 (`/orders`).
import { Hono } from "hono";
import { h } from "preact";
import { findPurchasableBargain } from "../../db/bargains";
import { getDb } from "../../db/client";
import { listOrders, toOrderView } from "../../db/orders";
import { findProduct, listAllProducts, toProductView } from "../../db/products";
import { getWalletBalance } from "../../db/wallet";
import { t } from "../../storefront/i18n";
import { CheckoutPage } from "../../storefront/pages/checkout";
import { OrdersPage } from "../../storefront/pages/orders";
import type { AppEnv } from "../app-env";
import { now } from "../clock";
import { paymentProvider } from "../lib/stripe";
import { currentUser } from "../middleware/session";
import { renderNotFound, renderPage } from "../render";
import { currentUnitPrice } from "../rules/flash-sale";
import { availableStock } from "../rules/order-pricing";

const MAX_QUANTITY = 99;

export const orderPageRoutes = new Hono<AppEnv>()
  .get("/checkout", async (c) => {
    c.header("cache-control", "private, no-store");
    const db = getDb(c.env.DB);
    const user = await currentUser(c);
    const bargainId = c.req.query("bargain_id") ?? null;
    const self = `/checkout?${new URL(c.req.url).searchParams}`;
    let productId = Number(c.req.query("product_id"));
    let floorCents: number | null = null;
    if (bargainId) {
      if (!user) return c.redirect(`/login?next=${encodeURIComponent(self)}`);
      const found = await findPurchasableBargain(db, bargainId, user.id, now());
      if (!found.ok) return c.redirect(`/b/${encodeURIComponent(bargainId)}`);
      productId = found.bargain.productId;
      floorCents = found.bargain.floorCents;
    }
    const row = Number.isSafeInteger(productId) ? await findProduct(db, productId, { activeOnly: true }) : null;
    if (!row) return renderNotFound(c, t.productNotFound);
    const product = toProductView(row);
    const { price_cents, flash } = currentUnitPrice(product, now());
    const stock = availableStock(product, flash && floorCents === null);
    return renderPage(
      c,
      h(CheckoutPage, {
        product,
        origin: new URL(c.req.url).origin,
        demo: paymentProvider(c.env) === "demo",
        form: {
          productId: product.id,
          unitPriceCents: floorCents ?? price_cents,
          maxQuantity: Math.max(1, Math.min(stock, MAX_QUANTITY)),
          bargainId,
          walletCents: user ? await getWalletBalance(db, user.id) : null,
          loginHref: `/login?next=${encodeURIComponent(self)}`,
        },
      }),
    );
  })
  .get("/orders", async (c) => {
    c.header("cache-control", "private, no-store");
    const db = getDb(c.env.DB);
    const user = await currentUser(c);
    const origin = new URL(c.req.url).origin;
    if (!user) return renderPage(c, h(OrdersPage, { orders: null, titles: {}, origin }));
    const [mine, products] = await Promise.all([listOrders(db, { userId: user.id, limit: 50 }), listAllProducts(db)]);
    const titles = Object.fromEntries(products.map((p) => [p.id, p.title]));
    return renderPage(c, h(OrdersPage, { orders: mine.map(toOrderView), titles, origin }));
  });
