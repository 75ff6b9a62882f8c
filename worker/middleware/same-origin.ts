// State changes must come from the store's own pages. hono/csrf refuses cross-site form posts; a JSON
// request that carries our session cookie is just as forgeable with credentials, so any unsafe
// method with the cookie must also name our origin.
import { getCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../app-env";
import { forbiddenOrigin } from "../errors";
import { SESSION_COOKIE } from "./session";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const crossSiteForms = csrf();

export const sameOrigin = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method) && getCookie(c, SESSION_COOKIE) !== undefined) {
    if (c.req.header("origin") !== c.var.origin) throw forbiddenOrigin();
  }
  try {
    return await crossSiteForms(c, next);
  } catch (err) {
    // only hono/csrf's own refusal reaches here: errors of later handlers are answered where they happen
    if (err instanceof HTTPException && err.status === 403) throw forbiddenOrigin();
    throw err;
  }
});
