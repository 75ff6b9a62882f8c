// Each request reads D1 through a Sessions API session: reads may go to a nearby replica, and a
// shopper who just wrote carries the bookmark of that write in a cookie, so their next reads see
// it (their order, wallet, check-in, the help they just gave). Writes always go to the primary.
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { getDb, type Db } from "../../db/client";
import type { AppEnv } from "../app-env";
import { isHttps } from "./request-context";

export const BOOKMARK_COOKIE = "d1b";
/** A replica catches up in seconds; the cookie only has to outlive that. */
const BOOKMARK_MAX_AGE_S = 3600;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** What D1 hands out, e.g. `00000000-0000000b-00000000-0000…`: hex groups; anything else is not passed on. */
const BOOKMARK = /^[0-9a-f]{1,64}(?:-[0-9a-f]{1,64}){1,7}$/;

/**
 * The request's D1 handle, opened on first use: from the shopper's bookmark when they have one;
 * otherwise a read may start at any replica, while a request that changes state starts at the
 * primary (its checks read what its writes will see).
 */
export function dbOf(c: Context<AppEnv>): Db {
  let session = c.get("d1Session");
  if (!session) {
    const bookmark = getCookie(c, BOOKMARK_COOKIE);
    const start =
      bookmark && BOOKMARK.test(bookmark)
        ? bookmark
        : SAFE_METHODS.has(c.req.method)
          ? "first-unconstrained"
          : "first-primary";
    session = c.env.DB.withSession(start);
    c.set("d1Session", session);
  }
  return getDb(session);
}

/** After a request that changed state, the shopper keeps the bookmark of what it wrote. */
export const readYourWrites = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const session = c.get("d1Session");
  if (!session || SAFE_METHODS.has(c.req.method)) return;
  const bookmark = session.getBookmark();
  if (bookmark && bookmark !== getCookie(c, BOOKMARK_COOKIE)) {
    setCookie(c, BOOKMARK_COOKIE, bookmark, {
      httpOnly: true,
      sameSite: "Lax",
      secure: isHttps(c.var.origin),
      path: "/",
      maxAge: BOOKMARK_MAX_AGE_S,
    });
  }
});
