// For the benchmark only: starts a fresh isolate of the store's, the short-link Worker's or the bare
// worker's production bundle for each new `id` (a Worker Loader), and hands it one request. The bench
// times that first request, and a second one to the same isolate, from outside.
// built by `npm run bench` before it starts this harness, never committed
import { WorkerEntrypoint } from "cloudflare:workers";
import bare from "./dist/bare.bundle.js";
import links from "./dist/links.bundle.js";
import store from "./dist/store.bundle.js";

type LoaderEnv = { LOADER: WorkerLoader; DB: D1Database; VISITS: Queue; INBOX: Fetcher };

/**
 * The short-link Worker's visits go to a queue as deployed (wrangler.links.toml), but a Worker Loader
 * cannot hand an isolate a queue binding: it gets this entrypoint (a service binding of the harness
 * to itself), which sends them to the queue. One RPC more than deployed, never less work.
 */
export class Inbox extends WorkerEntrypoint<LoaderEnv> {
  async record(visits: unknown[]): Promise<void> {
    await this.env.VISITS.sendBatch(visits.map((body) => ({ body })));
  }
}

const SECRET = "cold-start-bench-secret";

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const which = url.searchParams.get("worker");
    const worker = env.LOADER.get(`${which}-${url.searchParams.get("id")}`, () => {
      const common = { compatibilityDate: "2026-11-01", mainModule: "index.js" };
      if (which === "store") {
        const storeEnv = { DB: env.DB, SESSION_SECRET: SECRET, STORE_NAME: "bench" };
        return { ...common, compatibilityFlags: ["nodejs_compat"], modules: { "index.js": store }, env: storeEnv };
      }
      if (which === "links") {
        const linksEnv = { DB: env.DB, SESSION_SECRET: SECRET, VISIT_INBOX: env.INBOX };
        return { ...common, modules: { "index.js": links }, env: linksEnv };
      }
      return { ...common, modules: { "index.js": bare }, env: {} };
    });
    const target = new URL(url.searchParams.get("path") ?? "/", url.origin);
    return worker.getEntrypoint().fetch(new Request(target, { headers: request.headers, redirect: "manual" }));
  },
} satisfies ExportedHandler<LoaderEnv>;
