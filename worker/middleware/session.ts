// Reads the signed session cookie lazily: only routes that ask for the user pay its D1 read.
import type { Context } from "hono";
import { deleteCookie } from "hono/cookie";
import { SESSION_TTL_MS, findSessionUser, type SessionUser } from "../../db/sessions";
import type { AppEnv } from "../app-env";
import { forbidden, unauthenticated } from "../errors";
import { getSignedCookie, setSignedCookie } from "../lib/signed-cookies";
import { dbOf } from "./database";
import { isHttps } from "./request-context";

export const SESSION_COOKIE = "sid";

/** @returns the signed-in user or null; reads D1 at most once per request. */
export async function currentUser(c: Context<AppEnv>): Promise<SessionUser | null> {
  const cached = c.get("user");
  if (cached !== undefined) return cached;
  const sessionId = await getSignedCookie(c, c.env.SESSION_SECRET, SESSION_COOKIE);
  const user = sessionId ? await findSessionUser(dbOf(c), sessionId, c.var.now) : null;
  c.set("sessionId", user && sessionId ? sessionId : null);
  c.set("user", user);
  return user;
}

/** A page that needs it sends a signed-out visitor to sign in and back; the API answers 401. */
export async function requireUser(c: Context<AppEnv>): Promise<SessionUser> {
  const user = await currentUser(c);
  if (!user) throw unauthenticated();
  return user;
}

export async function requireAdmin(c: Context<AppEnv>): Promise<SessionUser> {
  const user = await requireUser(c);
  if (user.role !== "admin") throw forbidden();
  return user;
}

export async function setSessionCookie(c: Context<AppEnv>, sessionId: string): Promise<void> {
  await setSignedCookie(c, SESSION_COOKIE, sessionId, c.env.SESSION_SECRET, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c.var.origin),
    path: "/",
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}
