// The page shell, set once: `c.render(<Page/>)` answers the server-rendered page behind a doctype,
// with its islands' chunks preloaded.
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { AppEnv } from "../app-env";
import { withIslandPreloads } from "../lib/island-preloads";

type PageStatus = ContentfulStatusCode;

declare module "hono" {
  interface ContextRenderer {
    (page: VNode, status?: PageStatus): Response | Promise<Response>;
  }
}

export const renderer = createMiddleware<AppEnv>(async (c, next) => {
  c.setRenderer((page, status = 200) => c.html(`<!doctype html>${withIslandPreloads(renderToString(page))}`, status));
  await next();
});
