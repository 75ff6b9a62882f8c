// Checkout (`/checkout?product_id=` or `?bargain_id=`) and 我的订单 (`/orders`): personal pages.
import { Hono } from "hono";
import { quoteLine } from "../../core/rules/order-pricing";
import { findPurchasableBargain } from "../../db/bargains";
import { listOrders } from "../../db/orders";
import { findProduct, listAllProducts } from "../../db/products";
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
  const user = bargainId ? await requireUser(c) : await currentUser(c);
  let productId = Number(c.req.query("product_id"));
  let floorCents: number | null = null;
  if (bargainId) {
    const found = await findPurchasableBargain(db, bargainId, user!.id, c.var.now);
    if (!found.ok) return c.redirect(`/b/${encodeURIComponent(bargainId)}`);
    productId = found.bargain.productId;
    floorCents = found.bargain.floorCents;
  }
  const row = Number.isSafeInteger(productId) ? await findProduct(db, productId, { activeOnly: true }) : null;
  if (!row) return c.render(<NotFoundPage message={t.productNotFound} origin={c.var.origin} />, 404);
  const product = toProductView(row);
  // the same quote the order will be charged at
  const quote = quoteLine(product, c.var.now, floorCents);
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
