// An anonymous first-party visitor id: counts unique visits and lets a guest see their own order.
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { nanoid } from "nanoid";
import type { AppEnv } from "../app-env";
import { isHttps } from "./request-context";

export const VISITOR_COOKIE = "vid";
const VISITOR_MAX_AGE_S = 365 * 24 * 3600;
const VALID_ID = /^[A-Za-z0-9_-]{21}$/;

/** @returns the visitor cookie's id, or null when there is none (or it is not one of ours). */
export function existingVisitorId(c: Context<AppEnv>): string | null {
  const existing = getCookie(c, VISITOR_COOKIE);
  return existing && VALID_ID.test(existing) ? existing : null;
}

/** Gives the browser this visitor id (a new visitor's, or the one a replayed answer belongs to). */
export function setVisitorCookie(c: Context<AppEnv>, id: string): void {
  setCookie(c, VISITOR_COOKIE, id, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c.var.origin),
    path: "/",
    maxAge: VISITOR_MAX_AGE_S,
  });
}

export const newVisitorId = () => nanoid();

/** @returns the visitor's id, minting one (and its cookie) on a first visit. */
export function visitorId(c: Context<AppEnv>): string {
  const existing = existingVisitorId(c);
  if (existing) return existing;
  const id = newVisitorId();
  setVisitorCookie(c, id);
  return id;
}
