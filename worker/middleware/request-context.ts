// What every handler reads from the context: the request's instant (from the app's clock) and origin.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import type { Clock } from "../clock";

export const requestContext = (clock: Clock) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set("now", clock());
    c.set("origin", new URL(c.req.url).origin);
    await next();
  });

/** Cookies are `Secure` when the store is served over https (always, outside local development). */
export const isHttps = (origin: string) => origin.startsWith("https:");
