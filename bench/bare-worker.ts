// The ceiling on this runtime: a Hono worker that only answers 302. The benchmark compares to it.
import { Hono } from "hono";

const app = new Hono().get("/s/:code", (c) => c.redirect(`${new URL(c.req.url).origin}/p/1`, 302));

export default { fetch: app.fetch };
