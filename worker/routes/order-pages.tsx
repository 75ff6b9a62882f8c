// 我的订单 (`/orders`) and one order's page for its buyer (`/orders/:id`), where checkout without
// JavaScript lands and Stripe Checkout comes back to (`?paid=1` from its success page). Its demo pay
// button posts to `/orders/:id/pay`, which pays through the same service as POST /api/orders/:id/pay
// and comes back (303) to show the paid order (a group order: its group's page, as after paying in
// the island); in Stripe mode its pay button posts to `/orders/:id/stripe`, which goes (303) back to
// the order's Checkout Session.
import { Hono, type Context } from "hono";
import { listOrders, type OrderWithItems } from "../../db/orders";
import { findProduct, listAllProducts } from "../../db/products";
import { t } from "../../storefront/i18n";
import { NotFoundPage } from "../../storefront/pages/not-found";
import { OrderPage } from "../../storefront/pages/order";
import { OrdersPage } from "../../storefront/pages/orders";
import type { AppEnv } from "../app-env";
import { ApiError } from "../errors";
import { paymentProvider } from "../lib/stripe";
import { dbOf } from "../middleware/database";
import { privatePage } from "../middleware/private-page";
import { currentUser } from "../middleware/session";
import { findOwnOrder } from "../services/find-own-order";
import { payOrder } from "../services/pay-order";
import { startPayment } from "../services/start-payment";
import { toOrderView } from "../views/order";
import { orderViewer } from "./order-requests";

const ORDER_ID_CHARS = "[A-Za-z0-9_-]{1,40}";
const ORDER_ID = `{${ORDER_ID_CHARS}}`;
const ORDER_ID_PATTERN = new RegExp(`^${ORDER_ID_CHARS}$`);

/** The way an order is paid here: its own provider, while the store takes payments that way. */
const payableBy = (c: Context<AppEnv>, order: OrderWithItems) =>
  paymentProvider(c.env) === order.paymentProvider ? order.paymentProvider : null;

/** The buyer's order page; with `error`, after a refused payment. */
async function renderOrder(c: Context<AppEnv>, order: OrderWithItems, error?: { message: string; status: 409 }) {
  const db = dbOf(c);
  const products = await Promise.all(order.items.map((i) => findProduct(db, i.productId, { activeOnly: false })));
  const titles = Object.fromEntries(products.flatMap((p) => (p ? [[p.id, p.title]] : [])));
  const page = (
    <OrderPage
      order={toOrderView(order)}
      titles={titles}
      origin={c.var.origin}
      demo={payableBy(c, order) === "demo"}
      stripe={payableBy(c, order) === "stripe"}
      returnedPaid={c.req.query("paid") !== undefined}
      error={error?.message}
    />
  );
  return error ? c.render(page, error.status) : c.render(page);
}

/** The order when this request is its buyer's (the merchant has the admin): else null. */
const buyersOrder = async (c: Context<AppEnv>) =>
  findOwnOrder(dbOf(c), c.req.param("id")!, await orderViewer(c), { merchant: false });

const noSuchOrder = (c: Context<AppEnv>) =>
  c.render(<NotFoundPage message={t.orderNotFound} origin={c.var.origin} />, 404);

/** /orders, /orders/:id, and its form's POST /orders/:id/pay */
export const ordersPage = new Hono<AppEnv>()
  .use(privatePage)
  .get("/", async (c) => {
    const db = dbOf(c);
    // Checkout Sessions made before they came back to the order's own page come back here
    const paid = c.req.query("paid");
    if (paid && ORDER_ID_PATTERN.test(paid)) return c.redirect(`/orders/${encodeURIComponent(paid)}?paid=1`, 302);
    const user = await currentUser(c);
    if (!user) return c.render(<OrdersPage orders={null} titles={{}} origin={c.var.origin} />);
    const [mine, products] = await Promise.all([listOrders(db, { userId: user.id, limit: 50 }), listAllProducts(db)]);
    const titles = Object.fromEntries(products.map((p) => [p.id, p.title]));
    return c.render(<OrdersPage orders={mine.map(toOrderView)} titles={titles} origin={c.var.origin} />);
  })
  .get(`/:id${ORDER_ID}`, async (c) => {
    const order = await buyersOrder(c);
    return order ? renderOrder(c, order) : noSuchOrder(c);
  })
  .post(`/:id${ORDER_ID}/pay`, async (c) => {
    if (paymentProvider(c.env) !== "demo") {
      throw new ApiError(409, "demo_payment_disabled", "This store takes real payments through Stripe");
    }
    const order = await buyersOrder(c);
    if (!order) return noSuchOrder(c);
    // guarded by the order's state: a second tap, or the form sent again, pays nothing twice
    const paid = await payOrder(dbOf(c), order, c.var.now);
    if (!paid.ok) return renderOrder(c, order, { message: t.checkoutErrors.bad_transition!, status: 409 });
    // a group order's buyer goes on to the group, to share it (or to see how it ended)
    if (paid.order.groupId) return c.redirect(`/g/${encodeURIComponent(paid.order.groupId)}`, 303);
    return c.redirect(`/orders/${encodeURIComponent(order.id)}`, 303);
  })
  .post(`/:id${ORDER_ID}/stripe`, async (c) => {
    const order = await buyersOrder(c);
    if (!order) return noSuchOrder(c);
    const back = `/orders/${encodeURIComponent(order.id)}`;
    if (payableBy(c, order) !== "stripe") return c.redirect(back, 303);
    // the Checkout Session placing the order made (a new one if that failed), while it can still be paid;
    // a paid, cancelled or expired order's page says where it stands
    const payment = await startPayment(c.env, dbOf(c), order, { created: false, origin: c.var.origin });
    return c.redirect(payment.url ?? back, 303);
  });
