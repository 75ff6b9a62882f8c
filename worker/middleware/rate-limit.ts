// Per-address limits on the actions a script would repeat (sign-up, bargain help), with the Workers
// Rate Limiting binding: a counter at Cloudflare's edge that costs no D1 write. It runs locally too
// (miniflare simulates it under wrangler dev and in the tests), with the limits set in wrangler.toml.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { ApiError } from "../errors";
import { clientAddress } from "../lib/client-address";

export type RateLimitBinding = "SIGNUP_RATE_LIMIT" | "HELP_RATE_LIMIT";

export const tooManyRequests = () =>
  new ApiError(429, "too_many_requests", "Too many requests from your network; wait a minute and try again");

/** @returns false when this client address has used up the binding's limit for now. */
export async function withinRateLimit(c: Context<AppEnv>, binding: RateLimitBinding): Promise<boolean> {
  const { success } = await c.env[binding].limit({ key: clientAddress(c.req.header("cf-connecting-ip")) });
  return success;
}

/** A route's per-address limit: past it, `429 too_many_requests` before the route does any work. */
export const perAddressLimit = (binding: RateLimitBinding) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!(await withinRateLimit(c, binding))) throw tooManyRequests();
    await next();
  });
