// For the benchmark only: wraps a worker so that each answer carries the D1 round trips its request
// completed before the response was ready, in `x-d1-round-trips` (added to the count of a Worker it
// passed the request to). Work handed to waitUntil has not come back by then, so it is not counted:
// that is the point of handing it over. Production never loads this file.
import { AsyncLocalStorage } from "node:async_hooks";

const CALLS = new Set(["first", "all", "run", "raw"]);

/** The current request's count; one counting wrapper per binding serves every request. */
const requestCount = new AsyncLocalStorage<{ completed: number }>();
const onDone = () => {
  const count = requestCount.getStore();
  if (count) count.completed += 1;
};
// kept per binding, so that the drizzle handle cached on it (db/client.ts) is reused as in production
const wrappers = new WeakMap<D1Database, D1Database>();

function countingD1(d1: D1Database): D1Database {
  const originals = new WeakMap<object, D1PreparedStatement>();
  const counted = <T>(p: Promise<T>) => p.finally(onDone);
  const wrap = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (key === "bind") return (...args: unknown[]) => wrap(value.apply(target, args));
        if (typeof key === "string" && CALLS.has(key))
          return (...args: unknown[]) => counted(value.apply(target, args));
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    originals.set(proxy, stmt);
    return proxy;
  };
  return new Proxy(d1, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (key === "prepare") return (query: string) => wrap(value.call(target, query));
      if (key === "batch") {
        return (stmts: D1PreparedStatement[]) =>
          counted(
            value.call(
              target,
              stmts.map((s) => originals.get(s) ?? s),
            ),
          );
      }
      if (key === "exec") return (query: string) => counted(value.call(target, query));
      // requests read through a Sessions API session of the binding: its queries count the same
      if (key === "withSession") return (start: string) => countingD1(value.call(target, start));
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** `worker`, each answer carrying the D1 round trips its request completed. */
export function countingRoundTrips<E extends { DB: D1Database }, Q>(
  worker: ExportedHandler<E, Q>,
): ExportedHandler<E, Q> {
  return {
    ...worker,
    async fetch(request, env, ctx) {
      let wrapper = wrappers.get(env.DB);
      if (!wrapper) wrappers.set(env.DB, (wrapper = countingD1(env.DB)));
      const count = { completed: 0 };
      const res = await requestCount.run(count, () => worker.fetch!(request, { ...env, DB: wrapper }, ctx));
      const counted = new Response(res.body, res);
      // a request the short-link Worker passed to the store: the store's trips, plus its own
      const behind = Number(res.headers.get("x-d1-round-trips") ?? 0);
      counted.headers.set("x-d1-round-trips", String(count.completed + behind));
      return counted;
    },
  };
}
