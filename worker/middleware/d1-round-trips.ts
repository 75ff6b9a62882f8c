// For the benchmark only (BENCH_D1_COUNTER = "1"): counts the D1 round trips a request completed
// before its response was ready and reports them in `x-d1-round-trips`. Work handed to waitUntil
// has not come back by then, so it is not counted: that is the point of handing it over.
import { AsyncLocalStorage } from "node:async_hooks";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";

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
        if (typeof key === "string" && CALLS.has(key)) return (...args: unknown[]) => counted(value.apply(target, args));
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
        return (stmts: D1PreparedStatement[]) => counted(value.call(target, stmts.map((s) => originals.get(s) ?? s)));
      }
      if (key === "exec") return (query: string) => counted(value.call(target, query));
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export const d1RoundTrips = createMiddleware<AppEnv>(async (c, next) => {
  if (c.env.BENCH_D1_COUNTER !== "1") return next();
  let wrapper = wrappers.get(c.env.DB);
  if (!wrapper) wrappers.set(c.env.DB, (wrapper = countingD1(c.env.DB)));
  const count = { completed: 0 };
  c.env = { ...c.env, DB: wrapper };
  await requestCount.run(count, next);
  c.res.headers.set("x-d1-round-trips", String(count.completed));
});
