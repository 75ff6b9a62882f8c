// The storefront worker: middleware, the API under /api, pages, and the cron.
import { secureHeaders } from "hono/secure-headers";
import { csrf } from "hono/csrf";
import { Hono } from "hono";
import type { AppEnv } from "./app-env";
import { d1RoundTrips } from "./middleware/d1-round-trips";
import { apiNotFound, onError } from "./middleware/error-handler";
import { originCheck } from "./middleware/origin-check";
import { createRouter } from "./openapi";
import { adminDashboardRoutes } from "./routes/admin-dashboard";
import { adminDistributorRoutes } from "./routes/admin-distributors";
import { adminExportRoutes } from "./routes/admin-exports";
import { adminOrderRoutes } from "./routes/admin-orders";
import { adminPageRoutes } from "./routes/admin-pages";
import { adminProductPageRoutes } from "./routes/admin-product-pages";
import { adminSettingsRoutes } from "./routes/admin-settings";
import { adminProductRoutes } from "./routes/admin-products";
import { authRoutes } from "./routes/auth";
import { bargainPageRoutes } from "./routes/bargain-pages";
import { bargainRoutes } from "./routes/bargains";
import { checkinRoutes } from "./routes/checkin";
import { checkinPageRoutes } from "./routes/checkin-pages";
import { linkRoutes } from "./routes/links";
import { loginPageRoutes } from "./routes/login-page";
import { pageRoutes } from "./routes/pages";
import { orderPageRoutes } from "./routes/order-pages";
import { orderRoutes } from "./routes/orders";
import { productRoutes } from "./routes/products";
import { promotePageRoutes } from "./routes/promote-pages";
import { shareLinkRoutes } from "./routes/share-links";
import { stripeWebhookRoutes } from "./routes/stripe-webhook";
import { renderNotFound } from "./render";
import { now } from "./clock";
import { getDb } from "../db/client";
import { recordVisits, type Visit } from "../db/record-visit";
import { getSettings } from "../db/settings";
import { runCron } from "./services/run-cron";
import { t } from "../storefront/i18n";

const api = createRouter()
  .basePath("/api")
  .route("/", authRoutes)
  .route("/", productRoutes)
  .route("/", adminProductRoutes)
  .route("/", orderRoutes)
  .route("/", adminOrderRoutes)
  .route("/", adminDashboardRoutes)
  .route("/", adminDistributorRoutes)
  .route("/", adminSettingsRoutes)
  .route("/", checkinRoutes)
  .route("/", bargainRoutes)
  .route("/", linkRoutes);

api.doc31("/openapi.json", {
  openapi: "3.1.0",
  info: { title: "Social storefront API", version: "1.0.0" },
});

const app = new Hono<AppEnv>()
  .use(d1RoundTrips)
  .use(secureHeaders({ crossOriginEmbedderPolicy: false }))
  .use(originCheck)
  .use(csrf())
  .route("/", stripeWebhookRoutes)
  .route("/", api)
  .route("/", pageRoutes)
  .route("/", orderPageRoutes)
  .route("/", checkinPageRoutes)
  .route("/", loginPageRoutes)
  .route("/", bargainPageRoutes)
  .route("/", shareLinkRoutes)
  .route("/", promotePageRoutes)
  .route("/", adminExportRoutes)
  .route("/", adminPageRoutes)
  .route("/", adminProductPageRoutes)
  .notFound((c) => (c.req.path.startsWith("/api/") ? apiNotFound(c) : renderNotFound(c, t.pageNotFound)))
  .onError(onError);

export default {
  fetch: app.fetch,
  /** Visits from the VISITS queue, written a batch at a time; a throw makes the queue retry the batch. */
  async queue(batch, env) {
    const db = getDb(env.DB);
    const settings = await getSettings(db);
    await recordVisits(env.DB, batch.messages.map((m) => m.body), settings.unique_visit_window_s * 1000);
  },
  /** Every minute: cancel unpaid orders past their hold, make matured commission available. */
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(runCron(env, now()));
  },
} satisfies ExportedHandler<Env, Visit>;
