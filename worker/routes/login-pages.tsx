// The sign-in page; a visitor who is already signed in goes straight on to `?next=`.
import { Hono } from "hono";
import { safeNextPath } from "../../core/rules/safe-next-path";
import { LoginPage } from "../../storefront/pages/login";
import type { AppEnv } from "../app-env";
import { privatePage } from "../middleware/private-page";
import { currentUser } from "../middleware/session";

/** /login */
export const loginPage = new Hono<AppEnv>().use(privatePage).get("/", async (c) => {
  const next = safeNextPath(c.req.query("next"));
  if (await currentUser(c)) return c.redirect(next, 302);
  const mode = c.req.query("mode") === "signup" ? "signup" : "login";
  return c.render(<LoginPage origin={c.var.origin} form={{ next, mode }} />);
});
