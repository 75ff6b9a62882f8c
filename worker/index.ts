// The storefront worker: middleware, the API under /api, pages, and the cron.
import { secureHeaders } from "hono/secure-headers";
import { csrf } from "hono/csrf";
import { Hono } from "hono";
import type { AppEnv } from "./app-env";
import { apiNotFound, onError } from "./middleware/error-handler";
import { originCheck } from "./middleware/origin-check";
import { createRouter } from "./openapi";
import { adminProductRoutes } from "./routes/admin-products";
import { authRoutes } from "./routes/auth";
import { pageRoutes } from "./routes/pages";
import { productRoutes } from "./routes/products";
import { renderNotFound } from "./render";
import { t } from "../storefront/i18n";

const api = createRouter()
  .basePath("/api")
  .route("/", authRoutes)
  .route("/", productRoutes)
  .route("/", adminProductRoutes);

api.doc31("/openapi.json", {
  openapi: "3.1.0",
  info: { title: "Social storefront API", version: "1.0.0" },
});

const app = new Hono<AppEnv>()
  .use(secureHeaders({ crossOriginEmbedderPolicy: false }))
  .use(originCheck)
  .use(csrf())
  .route("/", api)
  .route("/", pageRoutes)
  .notFound((c) => (c.req.path.startsWith("/api/") ? apiNotFound(c) : renderNotFound(c, t.pageNotFound)))
  .onError(onError);

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>;
