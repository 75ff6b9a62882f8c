// One error path: `/api` answers API.md's JSON error shape; pages answer a page a person can use
// (sign in and come back, a 403 that says why, a 404 with a way home, a 500 without a stack).
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import { t } from "../../storefront/i18n";
import { AdminForbiddenPage } from "../../storefront/pages/admin/forbidden";
import { ErrorPage } from "../../storefront/pages/error";
import { NotFoundPage } from "../../storefront/pages/not-found";
import type { AppEnv } from "../app-env";
import { ApiError } from "../errors";
import { errorFields, logEvent } from "../lib/log";

/** The code an HTTPException (hono's own refusals: a body that is not JSON, a body too large) gets. */
const CODE_OF_STATUS: Partial<Record<number, string>> = {
  400: "invalid_input",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "too_large",
  415: "unsupported_media_type",
  429: "too_many_requests",
};

export function errorBody(code: string, message: string, issues?: unknown[]) {
  return { error: issues ? { code, message, issues } : { code, message } };
}

export const zodIssues = (error: ZodError) =>
  error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code }));

const INTERNAL = new ApiError(500, "internal", "Something went wrong on our side");

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ZodError) return new ApiError(400, "invalid_input", "The input is not valid", zodIssues(err));
  if (err instanceof HTTPException && err.status < 500) {
    const status = err.status as ContentfulStatusCode;
    const code = CODE_OF_STATUS[status] ?? "invalid_input";
    const message = err.message || "The request was refused";
    return new ApiError(status, code, message, status === 400 ? [{ path: [], message }] : undefined);
  }
  return INTERNAL;
}

const isApi = (c: Context) => c.req.path === "/api" || c.req.path.startsWith("/api/");

/** A refusal on a page: sign-in (and back), the merchant's 403 page, a 404 page, or the error page. */
function errorPage(c: Context<AppEnv>, error: ApiError) {
  const here = new URL(c.req.url);
  const admin = here.pathname === "/admin" || here.pathname.startsWith("/admin/");
  if (error.status === 401) {
    const login = admin ? "/admin/login" : "/login";
    return c.redirect(`${login}?next=${encodeURIComponent(here.pathname + here.search)}`, 302);
  }
  if (error.status === 403 && admin) {
    return c.render(<AdminForbiddenPage nickname={c.get("user")?.nickname ?? ""} />, 403);
  }
  if (error.status === 404) return c.render(<NotFoundPage message={t.pageNotFound} origin={c.var.origin} />, 404);
  return c.render(<ErrorPage origin={c.var.origin} />, error.status);
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const error = toApiError(err);
  if (error === INTERNAL) {
    // the order a failed request was about, when its path names one: its story in the logs
    const orderId = /\/orders\/([^/]+)/.exec(c.req.path)?.[1];
    logEvent(
      "request.failed",
      { method: c.req.method, path: c.req.path, order_id: orderId, ...errorFields(err) },
      "error",
    );
  }
  if (isApi(c)) return c.json(errorBody(error.code, error.message, error.issues), error.status);
  return errorPage(c, error);
};

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  isApi(c)
    ? c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}`), 404)
    : c.render(<NotFoundPage message={t.pageNotFound} origin={c.var.origin} />, 404);
