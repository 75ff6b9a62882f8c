// The one error type of the HTTP layer, and the tables that turn a service's refusal into one.
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** An answer in API.md's error shape; the error handler renders it as JSON or as a page. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: Array<{ path: string[]; message: string; code?: string }>,
  ) {
    super(message);
  }
}

export const notFound = (what = "Not found") => new ApiError(404, "not_found", what);
export const unauthenticated = () => new ApiError(401, "unauthenticated", "Sign in first");
export const forbidden = () => new ApiError(403, "forbidden", "You may not do that");
export const forbiddenOrigin = () =>
  new ApiError(403, "forbidden_origin", "This request must come from the store's own pages");
/** `400 invalid_input` naming the one field that is wrong. */
export const invalidField = (path: string[], message: string, code?: string) =>
  new ApiError(400, "invalid_input", message, [code ? { path, message, code } : { path, message }]);

/**
 * How a route answers each refusal a service or query can return: a status and a message; the code
 * is the refusal's own name unless `code` says otherwise; with `field`, the code defaults to
 * `invalid_input` and the answer names that field in its issues.
 */
export type RefusalTable<R extends string> = Record<
  R,
  { status: ContentfulStatusCode; message: string; code?: string; field?: string[] }
>;

/** @returns the ApiError a refusal maps to in its route's table. */
export function refusal<R extends string>(table: RefusalTable<R>, refused: R): ApiError {
  const { status, message, code, field } = table[refused];
  if (!field) return new ApiError(status, code ?? refused, message);
  return new ApiError(status, code ?? "invalid_input", message, [{ path: field, message }]);
}
