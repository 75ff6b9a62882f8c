// Accounts: signup, login with its throttle, logout, and who am I.
import { createRoute } from "@hono/zod-openapi";
import { loginBody, meResponse, signupBody, userResponse } from "../../core/contract/auth";
import { findDistributor } from "../../db/distributors";
import { deleteSession } from "../../db/sessions";
import { getWalletBalance } from "../../db/wallet";
import { refusal, type RefusalTable } from "../errors";
import { clientAddress } from "../lib/client-address";
import { dbOf } from "../middleware/database";
import { perAddressLimit } from "../middleware/rate-limit";
import { clearSessionCookie, currentUser, setSessionCookie } from "../middleware/session";
import { PUBLIC, SESSION_OPTIONAL, createRouter, errors, json, jsonBody, link } from "../openapi";
import { signIn } from "../services/sign-in";
import { signUp } from "../services/sign-up";
import { toPublicUser } from "../views/user";

const authRefusals: RefusalTable<"phone_taken" | "too_many_attempts" | "bad_credentials"> = {
  phone_taken: { status: 409, message: "An account with this phone already exists" },
  too_many_attempts: {
    status: 429,
    message: "Too many wrong passwords for this phone from your network; try again in 15 minutes",
  },
  bad_credentials: { status: 401, message: "Wrong phone or password" },
};

/** /api/auth: sign up, sign in, sign out. */
export const authApi = createRouter()
  .openapi(
    createRoute({
      operationId: "signUp",
      summary: "Sign up with a phone and a password, and sign in",
      security: PUBLIC,
      method: "post",
      path: "/signup",
      middleware: [perAddressLimit("SIGNUP_RATE_LIMIT")] as const,
      request: jsonBody(signupBody),
      responses: {
        201: { ...json(userResponse, "Signed up and signed in"), links: { getMe: link("getMe") } },
        ...errors(400, 403, 409, 415, 429, 500),
      },
    }),
    async (c) => {
      const signedUp = await signUp(dbOf(c), { ...c.req.valid("json"), now: c.var.now });
      if (!signedUp.ok) throw refusal(authRefusals, signedUp.refusal);
      await setSessionCookie(c, signedUp.sessionId);
      return c.json({ user: toPublicUser(signedUp.user) }, 201);
    },
  )
  .openapi(
    createRoute({
      operationId: "logIn",
      summary: "Sign in with a phone and a password",
      security: PUBLIC,
      method: "post",
      path: "/login",
      request: jsonBody(loginBody),
      responses: {
        200: { ...json(userResponse, "Signed in"), links: { getMe: link("getMe") } },
        ...errors(400, 401, 403, 415, 429, 500),
      },
    }),
    async (c) => {
      const address = clientAddress(c.req.header("cf-connecting-ip"));
      const signedIn = await signIn(dbOf(c), { ...c.req.valid("json"), address, now: c.var.now });
      if (!signedIn.ok) throw refusal(authRefusals, signedIn.refusal);
      await setSessionCookie(c, signedIn.sessionId);
      return c.json({ user: toPublicUser(signedIn.user) }, 200);
    },
  )
  .openapi(
    createRoute({
      operationId: "logOut",
      summary: "Sign out",
      security: SESSION_OPTIONAL,
      method: "post",
      path: "/logout",
      responses: { 204: { description: "Signed out" }, ...errors(403, 500) },
    }),
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
  createRoute({
    operationId: "getMe",
    summary: "Who is signed in, their wallet cash and their distributor code",
    security: SESSION_OPTIONAL,
    method: "get",
    path: "/",
    responses: { 200: json(meResponse, "The signed-in user, or null"), ...errors(500) },
  }),
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
