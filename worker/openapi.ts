// Route definitions are zod schemas: the same ones validate requests and describe the API.
import { OpenAPIHono, type z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { errorSchema } from "../core/contract/common";
import type { AppEnv } from "./app-env";

/**
 * A router whose invalid input becomes `400 invalid_input` through the one error handler.
 * @param guards middleware for every route of the router, registered before any route (a chained
 *   `.use()` would lose the router's type, and with it hono/client's view of its routes)
 * @example createRouter(adminOnly).route("/products", adminProductsApi)
 */
export function createRouter(...guards: MiddlewareHandler<AppEnv>[]) {
  const router = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw result.error;
    },
  });
  if (guards.length > 0) router.use("*", ...guards);
  return router;
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

/** Error responses, named by status, all in the contract's error shape. */
export function errors(...statuses: Array<400 | 401 | 403 | 404 | 409 | 413 | 429>) {
  return Object.fromEntries(
    statuses.map((s) => [s, { content: { "application/json": { schema: errorSchema } }, description: "Error" }]),
  ) as Record<
    (typeof statuses)[number],
    { content: { "application/json": { schema: typeof errorSchema } }; description: string }
  >;
}
