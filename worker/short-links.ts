// The short-link Worker (wrangler.links.toml): the front door of the store. It answers a shopper's tap
// on /s/:code itself and hands every other request, unchanged, to the store behind it (the STORE
// service binding). A fresh isolate of this Worker loads 28 KiB, not the store's ~600 KiB, so the
// first tap on a link shared into a chat is not slowed by the whole store's start (BENCHMARKS.md).
// Its visits go to the VISITS queue where one is bound (deployed), else to the store's VisitInbox.
import type { Context } from "hono";
import { secureHeaders } from "hono/secure-headers";
// hono/tiny: the same Hono on its smallest router, 6 KiB less for every fresh isolate to parse
import { Hono } from "hono/tiny";
import type { Visit } from "../db/record-visit";
import type { AppEnv } from "./app-env";
import { systemClock } from "./clock";
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

/** The store, for everything that is not a tap on a known link: its pages, API, assets and 404s. */
const toStore = (c: Context<AppEnv>) => bindingsOf(c).STORE.fetch(c.req.raw);

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

export const shortLinks = new Hono<AppEnv>()
  .get(
    "/s/:code",
    requestContext(systemClock),
    // the store's own headers on the redirect too (worker/index.ts): its Referrer-Policy governs the
    // Referer of the request the browser makes next, for the product page
    secureHeaders(SECURE_HEADERS),
    shareLinkRedirect({ visits: visitsOf, unknown: fromStoreMutable }),
  )
  .all("*", toStore);

export default { fetch: shortLinks.fetch } satisfies ExportedHandler<Env & ShortLinkBindings>;
