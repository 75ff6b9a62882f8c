// Every error leaves here in API.md's shape; a server error never shows its stack.
import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ZodError } from "zod";
import { ApiError } from "../errors";
import type { AppEnv } from "../app-env";

export function errorBody(code: string, message: string, issues?: unknown[]) {
  return { error: issues ? { code, message, issues } : { code, message } };
}

export function zodIssues(error: ZodError) {
  return error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code }));
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ApiError) {
    return c.json(errorBody(err.code, err.message, err.issues), err.status);
  }
  if (err instanceof ZodError) {
    return c.json(errorBody("invalid_input", "The input is not valid", zodIssues(err)), 400);
  }
  if (err instanceof HTTPException && err.status === 403) {
    // hono/csrf refusing a cross-site form post
    return c.json(errorBody("forbidden_origin", "This request must come from the store's own pages"), 403);
  }
  if (err instanceof HTTPException && err.status < 500) {
    // hono's own refusals, e.g. a body that is not JSON
    return c.json(
      errorBody("invalid_input", err.message || "The input is not valid", [
        { path: [], message: err.message },
      ]),
      400,
    );
  }
  console.error("unhandled", err);
  return c.json(errorBody("internal", "Something went wrong on our side"), 500);
};

export const apiNotFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}`), 404);
