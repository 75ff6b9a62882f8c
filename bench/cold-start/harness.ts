// For the benchmark only: starts a fresh isolate of the store's or the bare worker's production
// bundle for each new `id` (a Worker Loader), and hands it one request. The bench times that first
// request, and a second one to the same isolate, from outside.
// built by `npm run bench` before it starts this harness, never committed
import bare from "./dist/bare.bundle.js";
import store from "./dist/store.bundle.js";

type LoaderEnv = { LOADER: WorkerLoader; DB: D1Database };

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const which = url.searchParams.get("worker") === "store" ? "store" : "bare";
    const worker = env.LOADER.get(`${which}-${url.searchParams.get("id")}`, () => ({
      compatibilityDate: "2026-11-01",
      compatibilityFlags: which === "store" ? ["nodejs_compat"] : [],
      mainModule: "index.js",
      modules: { "index.js": which === "store" ? store : bare },
      env: which === "store" ? { DB: env.DB, SESSION_SECRET: "cold-start-bench-secret", STORE_NAME: "bench" } : {},
    }));
    const target = new URL(url.searchParams.get("path") ?? "/", url.origin);
    return worker.getEntrypoint().fetch(new Request(target, { headers: request.headers, redirect: "manual" }));
  },
} satisfies ExportedHandler<LoaderEnv>;
