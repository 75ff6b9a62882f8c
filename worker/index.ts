// The storefront worker. This file is its URL map: the API under /api, the merchant's side under
// /admin (one guard each), the shoppers' pages, the short links, then the queue and the cron.
import { WorkerEntrypoint } from "cloudflare:workers";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { Visit } from "../db/record-visit";
import type { AppEnv } from "./app-env";
import { systemClock, type Clock } from "./clock";
import { adminOnly } from "./middleware/admin-only";
import { readYourWrites } from "./middleware/database";
import { notFound, onError } from "./middleware/error-handler";
import { renderer } from "./middleware/renderer";
import { requestContext } from "./middleware/request-context";
import { sameOrigin } from "./middleware/same-origin";
import { SECURE_HEADERS } from "./middleware/secure-headers";
import { OPENAPI_DOCUMENT, SESSION_SCHEME, createRouter } from "./openapi";
import {
  adminDashboardApi,
  adminDistributorsApi,
  adminOrdersApi,
  adminProductsApi,
  adminSettingsApi,
} from "./routes/admin-api";
import { adminExports } from "./routes/admin-exports";
import { adminGroupsPage } from "./routes/admin-group-pages";
import {
  adminDashboardPage,
  adminDistributorsPage,
  adminLoginPage,
  adminOrdersPage,
  adminSettingsPage,
} from "./routes/admin-pages";
import { adminProductPages } from "./routes/admin-product-pages";
import { authApi, meApi } from "./routes/auth";
import { bargainPage, myBargainsPage, startBargainForm } from "./routes/bargain-pages";
import { bargainsApi } from "./routes/bargains";
import { homePage, productPages } from "./routes/catalogue-pages";
import { checkinApi } from "./routes/checkin";
import { checkinPage } from "./routes/checkin-pages";
import { checkoutPage } from "./routes/checkout-pages";
import { clearancePage } from "./routes/clearance-pages";
import { groupPage, myGroupsPage } from "./routes/group-pages";
import { adminGroupsApi, groupsApi, productGroupsApi } from "./routes/groups";
import { distributorApi, linksApi } from "./routes/links";
import { loginPage } from "./routes/login-pages";
import { ordersPage } from "./routes/order-pages";
import { ordersApi } from "./routes/orders";
import { adminPicturesApi, pictureFiles, productPosters } from "./routes/pictures";
import { productsApi } from "./routes/products";
import { joinPage, promotePage } from "./routes/promote-pages";
import { shareLinks } from "./routes/share-links";
import { stripeApi } from "./routes/stripe-webhook";
import { runCron } from "./services/run-cron";
import { visitSink, writeVisits } from "./services/visit-sink";

const adminApi = createRouter(adminOnly)
  .route("/products", adminProductsApi)
  .route("/orders", adminOrdersApi)
  .route("/dashboard", adminDashboardApi)
  .route("/distributors", adminDistributorsApi)
  .route("/settings", adminSettingsApi)
  .route("/groups", adminGroupsApi)
  .route("/pictures", adminPicturesApi);

// its paths start with /api here (not where it is mounted), so the OpenAPI document names them in full
export const api = createRouter()
  .basePath("/api")
  .route("/auth", authApi)
  .route("/me", meApi)
  .route("/products", productsApi)
  .route("/products", productGroupsApi)
  .route("/groups", groupsApi)
  .route("/orders", ordersApi)
  .route("/checkin", checkinApi)
  .route("/bargains", bargainsApi)
  .route("/distributor", distributorApi)
  .route("/links", linksApi)
  .route("/admin", adminApi)
  .route("/stripe", stripeApi);

api.openAPIRegistry.registerComponent("securitySchemes", "session", SESSION_SCHEME);
api.doc31("/openapi.json", OPENAPI_DOCUMENT);

/** What islands call through hono/client: a changed contract breaks their build, not the page. */
export type Api = typeof api;

const admin = new Hono<AppEnv>()
  .route("/login", adminLoginPage) // registered before the guard: its handler answers first
  .use("*", adminOnly)
  .route("/", adminDashboardPage)
  .route("/products", adminProductPages)
  .route("/orders", adminOrdersPage)
  .route("/groups", adminGroupsPage)
  .route("/distributors", adminDistributorsPage)
  .route("/settings", adminSettingsPage)
  .route("/export", adminExports);

/** The whole store, reading the time from `clock` (tests pass one they control). */
export function createApp(clock: Clock) {
  return new Hono<AppEnv>()
    .use(requestContext(clock), renderer, secureHeaders(SECURE_HEADERS), sameOrigin, readYourWrites)
    .route("/", api)
    .route("/admin", admin)
    .route("/s", shareLinks)
    .route("/", homePage)
    .route("/p", productPages)
    .route("/p", productPosters)
    .route("/p", startBargainForm)
    .route("/pictures", pictureFiles)
    .route("/checkout", checkoutPage)
    .route("/orders", ordersPage)
    .route("/checkin", checkinPage)
    .route("/b", bargainPage)
    .route("/bargains", myBargainsPage)
    .route("/g", groupPage)
    .route("/groups", myGroupsPage)
    .route("/clearance", clearancePage)
    .route("/me", promotePage)
    .route("/join", joinPage)
    .route("/login", loginPage)
    .notFound(notFound)
    .onError(onError);
}

/** The worker's handlers over one app and clock. */
export function createWorker(clock: Clock) {
  const app = createApp(clock);
  return {
    fetch: app.fetch,
    /** Visits from the VISITS queue, written a batch at a time; a throw makes the queue retry the batch. */
    async queue(batch, env) {
      await writeVisits(
        env,
        batch.messages.map((m) => m.body),
        clock(),
      );
    },
    /** Every minute: cancel unpaid orders past their hold, make matured commission available. */
    async scheduled(_controller, env, ctx) {
      ctx.waitUntil(runCron(env, clock()));
    },
  } satisfies ExportedHandler<Env, Visit>;
}

export default createWorker(systemClock);

/**
 * Visits the short-link Worker (worker/short-links.ts) hands over where no queue is bound (locally):
 * written as the store writes its own, through the queue if there is one, else to D1. Reachable only
 * through a service binding that names this entrypoint, never from the internet.
 */
export class VisitInbox extends WorkerEntrypoint<Env> {
  async record(visits: Visit[]): Promise<void> {
    await visitSink(this.env, systemClock).write(visits);
  }
}
