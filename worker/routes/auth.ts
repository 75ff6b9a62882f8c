// Accounts: signup, login with its throttle, logout, and who am I.
import { createRoute } from "@hono/zod-openapi";
import { loginBody, meResponse, signupBody, userResponse } from "../../core/contract/auth";
import { findDistributor } from "../../db/distributors";
import { createSession, deleteSession } from "../../db/sessions";
import { countRecentLoginFailures, findUserByPhone, insertUser, recordLoginFailure } from "../../db/users";
import { getWalletBalance } from "../../db/wallet";
import { ApiError } from "../errors";
import { DUMMY_HASH, hashPassword, verifyPassword } from "../lib/password";
import { dbOf } from "../middleware/database";
import { clearSessionCookie, currentUser, setSessionCookie } from "../middleware/session";
import { createRouter, errors, json, jsonBody } from "../openapi";
import { toPublicUser } from "../views/user";

const LOGIN_FAILURE_LIMIT = 10;
const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** /api/auth: sign up, sign in, sign out. */
export const authApi = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/signup",
      request: jsonBody(signupBody),
      responses: { 201: json(userResponse, "Signed up and signed in"), ...errors(400, 409) },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const db = dbOf(c);
      const user = await insertUser(db, {
        phone: body.phone,
        passwordHash: await hashPassword(body.password),
        nickname: body.nickname ?? `用户${body.phone.slice(-4)}`,
        now: c.var.now,
      });
      if (!user) throw new ApiError(409, "phone_taken", "An account with this phone already exists");
      await setSessionCookie(c, await createSession(db, user.id, c.var.now));
      return c.json({ user: toPublicUser(user) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/login",
      request: jsonBody(loginBody),
      responses: { 200: json(userResponse, "Signed in"), ...errors(400, 401, 429) },
    }),
    async (c) => {
      const { phone, password } = c.req.valid("json");
      const db = dbOf(c);
      const failures = await countRecentLoginFailures(db, phone, c.var.now - LOGIN_FAILURE_WINDOW_MS);
      if (failures >= LOGIN_FAILURE_LIMIT) {
        throw new ApiError(429, "too_many_attempts", "Too many failed attempts; try again in 15 minutes");
      }
      const user = await findUserByPhone(db, phone);
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok) {
        await recordLoginFailure(db, phone, c.var.now);
        throw new ApiError(401, "bad_credentials", "Wrong phone or password");
      }
      await setSessionCookie(c, await createSession(db, user.id, c.var.now));
      return c.json({ user: toPublicUser(user) }, 200);
    },
  )
  .openapi(
    createRoute({ method: "post", path: "/logout", responses: { 204: { description: "Signed out" } } }),
    async (c) => {
      await currentUser(c);
      const sessionId = c.get("sessionId");
      if (sessionId) await deleteSession(dbOf(c), sessionId);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

/** /api/me: who is signed in, their wallet and their distributor code. */
export const meApi = createRouter().openapi(
  createRoute({ method: "get", path: "/", responses: { 200: json(meResponse, "The signed-in user, or null") } }),
  async (c) => {
    const user = await currentUser(c);
    if (!user) return c.json({ user: null, wallet_cents: 0, distributor: null }, 200);
    const db = dbOf(c);
    const [wallet, distributor] = await Promise.all([getWalletBalance(db, user.id), findDistributor(db, user.id)]);
    return c.json(
      { user: toPublicUser(user), wallet_cents: wallet, distributor: distributor ? { code: distributor.code } : null },
      200,
    );
  },
);
