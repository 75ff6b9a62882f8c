// Pages and answers that show one person's data: never kept by a shared cache or the browser's.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";

export const PRIVATE_NO_STORE = "private, no-store";

export const privatePage = createMiddleware<AppEnv>(async (c, next) => {
  c.header("Cache-Control", PRIVATE_NO_STORE);
  await next();
});
