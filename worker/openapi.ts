// Route definitions are zod schemas: the same ones validate requests and describe the API. Every
// operation names its id, a summary, who may call it (security) and every status it can answer.
import { OpenAPIHono, type z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { errorSchema } from "../core/contract/common";
import { IDEMPOTENCY_KEY_TTL_MS } from "../core/rules/idempotency-retention";
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

/** Who may call an operation: anyone, anyone (a session changes the answer), a signed-in user or the merchant. */
type SecurityRequirement = Record<string, string[]>;
export const PUBLIC: SecurityRequirement[] = [];
export const SESSION_OPTIONAL: SecurityRequirement[] = [{}, { session: [] }];
export const SIGNED_IN: SecurityRequirement[] = [{ session: [] }];

/** What each error status means, whichever operation answers it; `error.code` says which case. */
const ERRORS = {
  400: "`invalid_input`: a field, parameter, query value or header is not valid (each named in `issues`), or the body is not JSON",
  401: "`unauthenticated`: sign in first (`bad_credentials` from sign-in: wrong phone or password)",
  403: "`forbidden_origin`: a state change that carries the session cookie must come from the store's own origin (and a cross-site form is refused); `forbidden`: signed in without the merchant's role",
  404: "`not_found`: no such resource (or not yours)",
  409: "Refused by a rule of the store, named by `code` (e.g. `out_of_stock`, `bad_transition`, `already_checked_in`), or `request_in_progress`: a request with the same Idempotency-Key is still running",
  413: "`too_large`: the upload is over its size limit (a picture: 10 MB)",
  415: "`unsupported_media_type`: the body must be `application/json` (`multipart/form-data` for a picture)",
  422: "`idempotency_key_reused`: this Idempotency-Key was sent before with another method, path or body",
  429: "`too_many_attempts` (sign-in), `too_many_requests` (per client address) or `help_limit`: wait, then try again",
  500: "`internal`: the store failed; nothing was half-written, and the same request (with its Idempotency-Key) may be sent again",
} as const;
type ErrorStatus = keyof typeof ERRORS;

/** Error responses, named by status, all in the contract's error shape. */
export function errors<S extends ErrorStatus>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => {
      const description: string = ERRORS[s];
      return [s, { content: { "application/json": { schema: errorSchema } }, description }];
    }),
  ) as Record<S, { content: { "application/json": { schema: typeof errorSchema } }; description: string }>;
}

/** An OpenAPI link from an answer to the operation that reads or acts on what it holds. */
export const link = (operationId: string, parameters: Record<string, string> = {}, description?: string) => ({
  operationId,
  ...(Object.keys(parameters).length ? { parameters } : {}),
  ...(description ? { description } : {}),
});

const HOURS = IDEMPOTENCY_KEY_TTL_MS / 3_600_000;

/** The document's frame: `GET /api/openapi.json` and `npm run lint:api` both serve this. */
export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Social storefront API",
    version: "1.0.0",
    description: [
      "JSON in and out under `/api`; money is integer cents (`_cents`), times are ISO 8601 in UTC.",
      "Errors are `{error: {code, message, issues?}}`; a 5xx never carries a stack trace.",
      "Sessions are the HttpOnly `sid` cookie set by sign-up and sign-in. A state change that carries it must",
      "come from the store's own origin (`Origin`), or it is `403 forbidden_origin`.",
      "",
      "**Idempotency** (the IETF httpapi draft *The Idempotency-Key HTTP Header Field*): `POST /api/orders` and",
      "the other money-moving POSTs take an `Idempotency-Key` of 16–200 characters (a UUID will do). The first",
      "request under a key acts; the same key and body again answers the same (an order: `200` with the order",
      "the key placed; the others: the first answer again, with `Idempotent-Replayed: true`), never acting twice;",
      "a retry while the first still runs waits for it, then `409 request_in_progress`; the same key with another",
      "body is `422 idempotency_key_reused`. A signed-in user's keys are their own; without a session the key",
      `alone names the request (so a retry that lost its cookies still finds it). Keys are kept ${HOURS} hours.`,
    ].join("\n"),
  },
  servers: [{ url: "/", description: "This store" }],
};

/** The session cookie as a security scheme, registered once on the API's router. */
export const SESSION_SCHEME = {
  type: "apiKey" as const,
  in: "cookie" as const,
  name: "sid",
  description: "The signed session cookie set by `POST /api/auth/signup` and `POST /api/auth/login`",
};
