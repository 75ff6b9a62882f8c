// The one error type routes throw; the error handler turns it into API.md's error shape.
import type { ContentfulStatusCode } from "hono/utils/http-status";

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: unknown[],
  ) {
    super(message);
  }
}

export const notFound = (what = "Not found") => new ApiError(404, "not_found", what);
export const unauthenticated = () => new ApiError(401, "unauthenticated", "Sign in first");
export const forbidden = () => new ApiError(403, "forbidden", "You may not do that");
export const conflict = (code: string, message: string) => new ApiError(409, code, message);
