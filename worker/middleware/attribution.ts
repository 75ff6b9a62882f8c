// The attribution cookie: which share link a shopper last came through, and when (signed).
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { getSignedCookie, setSignedCookie } from "../lib/signed-cookies";
import { isHttps } from "./request-context";

export const ATTRIBUTION_COOKIE = "ref";
/** The cookie outlives the longest window a merchant may set; the window itself is checked on use. */
const ATTRIBUTION_COOKIE_MAX_AGE_S = 90 * 24 * 3600;

export type Attribution = { code: string; clicked_at: number };

/** Last click wins: every visit through a link overwrites the cookie. */
export async function setAttribution(c: Context<AppEnv>, code: string, clickedAt: number): Promise<void> {
  await setSignedCookie(c, ATTRIBUTION_COOKIE, `${code}~${clickedAt}`, c.env.SESSION_SECRET, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c.var.origin),
    path: "/",
    maxAge: ATTRIBUTION_COOKIE_MAX_AGE_S,
  });
}

/** @returns the link of the last click, or null when absent or tampered with. */
export async function readAttribution(c: Context<AppEnv>): Promise<Attribution | null> {
  const value = await getSignedCookie(c, c.env.SESSION_SECRET, ATTRIBUTION_COOKIE);
  if (!value) return null;
  const [code, at] = value.split("~");
  const clickedAt = Number(at);
  return code && Number.isSafeInteger(clickedAt) ? { code, clicked_at: clickedAt } : null;
}
