// Pages leave the worker here: server-rendered Preact behind a doctype.
import type { Context } from "hono";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { NotFoundPage } from "../storefront/pages/not-found";

export function renderPage(c: Context, page: VNode<any>, status: 200 | 403 | 404 = 200) {
  return c.html(`<!doctype html>${renderToString(page)}`, status);
}

export function renderNotFound(c: Context, message: string) {
  return renderPage(c, <NotFoundPage message={message} origin={new URL(c.req.url).origin} />, 404);
}
