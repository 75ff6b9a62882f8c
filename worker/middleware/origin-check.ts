// A state change that carries the session cookie must come from the store's own origin.
// hono/csrf only looks at form posts; a JSON request with our cookie is just as forgeable
// from another site with credentials, so this checks every unsafe method.
import { createMiddleware } from "hono/factory";
import { getCookie } from "hono/cookie";
import type { AppEnv } from "../app-env";
import { ApiError } from "../errors";
import { SESSION_COOKIE } from "./session";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const originCheck = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method) && getCookie(c, SESSION_COOKIE) !== undefined) {
    const origin = c.req.header("origin");
    if (origin !== new URL(c.req.url).origin) {
      throw new ApiError(403, "forbidden_origin", "This request must come from the store's own pages");
    }
  }
  await next();
});
