// The short-link Worker (wrangler.links.toml): the front door of the store. It answers a shopper's tap
// on /s/:code itself and hands every other request, unchanged, to the store behind it (the STORE
// service binding). A fresh isolate of this Worker loads 28 KiB, not the store's ~600 KiB, so the
// redirect of a tap on a link shared into a chat does not wait for the whole store to start
// (BENCHMARKS.md); the product page it leads to still comes from the store (or its edge cache).
// Its visits go to the VISITS queue where one is bound (deployed), else to the store's VisitInbox.
// On a custom domain it takes only the route /s/* and the store the domain (README, Deploy).
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
// hono/tiny: the same Hono on its smallest router, 6 KiB less for every fresh isolate to parse
import { Hono } from "hono/tiny";
import type { Visit } from "../db/record-visit";
import type { AppEnv } from "./app-env";
import { systemClock } from "./clock";
import { errorFields, logEvent } from "./lib/log";
import { requestContext } from "./middleware/request-context";
import { SECURE_HEADERS } from "./middleware/secure-headers";
import { shareLinkRedirect } from "./routes/share-link-redirect";
import { queueDestination, type VisitDestination } from "./services/record-visit-soon";

/** What the store's VisitInbox entrypoint (worker/index.ts) offers over RPC. */
export type VisitRecorder = { record(visits: Visit[]): Promise<void> };

/** The bindings of this Worker beyond the store's (DB, SESSION_SECRET and the optional VISITS). */
export type ShortLinkBindings = { STORE: Fetcher; VISIT_INBOX: VisitRecorder };

// The app is typed with the store's AppEnv, whose handlers (the redirect, the cookies) it shares; its
// own two bindings are read through this.
const bindingsOf = (c: Context<AppEnv>) => c.env as Env & ShortLinkBindings;

/** The store did not answer at all (not an error page of its: that is an answer). */
class StoreUnreachable extends Error {}

/** The store, for everything that is not a tap on a known link: its pages, API, assets and 404s. */
async function toStore(c: Context<AppEnv>): Promise<Response> {
  try {
    return await bindingsOf(c).STORE.fetch(c.req.raw);
  } catch (cause) {
    throw new StoreUnreachable("the store did not answer", { cause });
  }
}

/** The store's answer, copied: a service binding's answer has immutable headers, which secureHeaders sets. */
async function fromStoreMutable(c: Context<AppEnv>): Promise<Response> {
  const answer = await toStore(c);
  return new Response(answer.body, answer);
}

function visitsOf(c: Context<AppEnv>): VisitDestination {
  const { VISITS, VISIT_INBOX } = bindingsOf(c);
  if (VISITS) return queueDestination(VISITS);
  return { destination: VISIT_INBOX, write: (batch) => VISIT_INBOX.record(batch) };
}

/** `/s/<code>/`: hono/tiny's router would take it for `/s/:code`; the store answers it (404) as before. */
const trailingSlashToStore = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.path.endsWith("/")) return toStore(c);
  await next();
});

/**
 * The front door's own failure. A tap it could not answer (D1 or the signing key failed) goes to the
 * store, which answers taps too (its own /s route, error page and all); anything else failed on its
 * way to the store, so the store cannot say it: a bare 502, JSON under /api (API.md's error shape).
 */
async function onFrontDoorError(err: unknown, c: Context<AppEnv>): Promise<Response> {
  const fields = { worker: "short-links", method: c.req.method, path: c.req.path, ...errorFields(err) };
  logEvent("request.failed", fields, "error");
  if (c.req.path.startsWith("/s/") && !(err instanceof StoreUnreachable)) {
    try {
      // a copy: the redirect's middleware (secureHeaders) still sets headers on what this returns
      return await fromStoreMutable(c);
    } catch {
      // the store is out of reach too: the answer below
    }
  }
  if (c.req.path.startsWith("/api/")) {
    return c.json({ error: { code: "internal", message: "Something went wrong on our side" } }, 502);
  }
  // the store's pages are out of reach, their words with them: the one sentence this Worker carries
  return c.html(UNAVAILABLE_PAGE, 502, { "Cache-Control": "no-store" });
}

const UNAVAILABLE_PAGE =
  '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
  "<title>请稍后再试</title><p>小店暂时打不开，请稍后再试。</p></html>";

export const shortLinks = new Hono<AppEnv>()
  .get(
    "/s/:code",
    trailingSlashToStore,
    requestContext(systemClock),
    // the store's own headers on the redirect too (worker/index.ts): its Referrer-Policy governs the
    // Referer of the request the browser makes next, for the product page
    secureHeaders(SECURE_HEADERS),
    shareLinkRedirect({ visits: visitsOf, unknown: fromStoreMutable }),
  )
  .all("*", toStore)
  .onError(onFrontDoorError);

export default { fetch: shortLinks.fetch } satisfies ExportedHandler<Env & ShortLinkBindings>;
