// The sign-in page; a visitor who is already signed in goes straight on to `?next=`.
import { Hono } from "hono";
import { h } from "preact";
import { safeNextPath } from "../../storefront/islands/login-form";
import { LoginPage } from "../../storefront/pages/login";
import type { AppEnv } from "../app-env";
import { currentUser } from "../middleware/session";
import { renderPage } from "../render";

export const loginPageRoutes = new Hono<AppEnv>().get("/login", async (c) => {
  const next = safeNextPath(c.req.query("next"));
  if (await currentUser(c)) return c.redirect(next, 302);
  const mode = c.req.query("mode") === "signup" ? "signup" : "login";
  return renderPage(c, h(LoginPage, { origin: new URL(c.req.url).origin, form: { next, mode } }));
});
