// Guards of the merchant's side: the admin API refuses with 401 / 403, admin pages redirect or explain.
import { createMiddleware } from "hono/factory";
import { h } from "preact";
import { AdminForbiddenPage } from "../../storefront/pages/admin/forbidden";
import type { AppEnv } from "../app-env";
import { renderPage } from "../render";
import { currentUser, requireAdmin } from "./session";

/** For the JSON API and downloads: `401 unauthenticated` signed out, `403 forbidden` for a shopper. */
export const adminOnly = createMiddleware<AppEnv>(async (c, next) => {
  await requireAdmin(c);
  c.header("Cache-Control", "private, no-store");
  await next();
});

/** For pages: a stranger is sent to sign in and back, a shopper gets a 403 page saying why. */
export const adminPageOnly = createMiddleware<AppEnv>(async (c, next) => {
  const user = await currentUser(c);
  const url = new URL(c.req.url);
  if (!user) return c.redirect(`/admin/login?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
  c.header("Cache-Control", "private, no-store");
  if (user.role !== "admin") return renderPage(c, h(AdminForbiddenPage, { nickname: user.nickname }), 403);
  await next();
});
