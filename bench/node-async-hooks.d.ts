// The one Node.js API the bench wrapper uses (with the nodejs_compat flag), typed by hand instead of
// pulling in all of @types/node, whose globals clash with the Workers runtime types.
declare module "node:async_hooks" {
  export class AsyncLocalStorage<T> {
    getStore(): T | undefined;
    run<R>(store: T, callback: () => R): R;
  }
}
