// The merchant's side, guarded once: registered on the admin API and the admin pages sub-apps, it
// covers every route under them, those added later included. A stranger gets 401 (the admin pages:
// the sign-in page and back), a shopper 403; the error handler renders each for its audience.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { privatePage } from "./private-page";
import { requireAdmin } from "./session";

export const adminOnly = createMiddleware<AppEnv>(async (c, next) => {
  await requireAdmin(c);
  return privatePage(c, next);
});
