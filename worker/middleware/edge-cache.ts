// Pages that are the same for every shopper (home, product, clearance), served from the data
// centre's cache (the Cache API) for a short time, so a link going round a group chat renders once
// per data centre instead of once per phone. A merchant's edit deletes the product's pages at once.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";

/**
 * How long a page is kept at most: in another data centre than the merchant's, an edit shows
 * within this (the Cache API cannot delete there; docs/scale-plan.md).
 */
export const EDGE_TTL_S = 30;
/** `hit` when the answer came from the cache, `miss` when it was rendered and stored. */
export const EDGE_CACHE_HEADER = "x-edge-cache";
/**
 * An edit deletes the pages now and once more this much later: a page rendered from the row before
 * the edit, but stored after the first delete, is gone too.
 */
const SECOND_PURGE_MS = 2_000;

/** `Cache-Control` of a page kept `ttlS` seconds by the data centre's cache, and not by the browser. */
export const sharedFor = (ttlS: number) => `public, max-age=0, s-maxage=${Math.max(0, Math.floor(ttlS))}`;

/** The data centre's cache: `caches.default` (the DOM types in tsconfig hide the runtime's own). */
export const edgeCacheStorage = () => (caches as unknown as { default: Cache }).default;

/** One key per page, whatever query a chat app appends (`?from=singlemessage`): these pages read none. */
const keyOf = (origin: string, path: string) => new Request(`${origin}${path}`);

/**
 * Serves the page from the Cache API when it is there; otherwise renders it (reading D1's primary,
 * so a page stored right after an edit shows the edit) and stores it, but only when the answer is
 * a 200 that carries no cookie, is not private, and the route never read who is signed in: a page
 * with anyone's own data in it is never stored. A route may shorten the time with `sharedFor`.
 * The key is the path alone: apply it only to pages that read no query string but `personal` ones.
 * @param personal query parameters that make an answer this visitor's own (a refusal to show them):
 *   with one, the page is neither served from the cache nor stored in it
 * @example export const clearancePage = new Hono<AppEnv>().get("/", cachedPage(), async (c) => c.render(<ClearancePage … />));
 */
export const cachedPage = (...personal: string[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== "GET" || personal.some((name) => c.req.query(name) !== undefined)) return next();
    return serveFromCache(c, next);
  });

/** `cachedPage()`: a page that reads no query string at all. */
export const edgeCache = cachedPage();

async function serveFromCache(c: Context<AppEnv>, next: () => Promise<void>) {
  const cache = edgeCacheStorage();
  const key = keyOf(c.var.origin, c.req.path);
  const hit = await cache.match(key);
  if (hit) {
    const res = new Response(hit.body, hit);
    res.headers.set(EDGE_CACHE_HEADER, "hit");
    return res;
  }
  c.set("d1Session", c.env.DB.withSession("first-primary"));
  await next();
  const control = c.res.headers.get("Cache-Control") ?? sharedFor(EDGE_TTL_S);
  if (!storable(c, control)) return;
  c.header("Cache-Control", control);
  c.header(EDGE_CACHE_HEADER, "miss");
  c.executionCtx.waitUntil(cache.put(key, c.res.clone()));
}

function storable(c: Context<AppEnv>, control: string): boolean {
  const ttl = Number(/s-maxage=(\d+)/.exec(control)?.[1] ?? 0);
  return (
    c.res.status === 200 &&
    ttl > 0 &&
    !/private|no-store/.test(control) &&
    c.res.headers.getSetCookie().length === 0 &&
    // the route asked who is signed in: its page may be theirs
    c.get("user") === undefined
  );
}

/** The cached pages that show a product: the ones its edit must purge (a group page is never cached). */
export const productPagePaths = (productId: number) => ["/", "/clearance", `/p/${productId}`];

/**
 * Deletes pages from this data centre's cache, now and once more a moment later (in waitUntil).
 * Every isolate of the data centre shares that cache, so the next request anywhere in it renders anew.
 * @example await purgePages(c, productPagePaths(id))
 */
export async function purgePages(c: Context<AppEnv>, paths: string[]): Promise<void> {
  const cache = edgeCacheStorage();
  const purge = () => Promise.all(paths.map((path) => cache.delete(keyOf(c.var.origin, path))));
  await purge();
  c.executionCtx.waitUntil(new Promise((resolve) => setTimeout(resolve, SECOND_PURGE_MS)).then(purge));
}
