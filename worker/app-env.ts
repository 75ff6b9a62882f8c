// The Hono environment shared by every route: bindings, plus what middleware puts on the context.
import type { SessionUser } from "../db/sessions";

export type AppEnv = {
  Bindings: Env;
  Variables: {
    /** The request's instant, epoch ms, from the app's clock: every rule in one request sees one now. */
    now: number;
    /** The store's origin as this request reached it; absolute URLs in pages and answers start here. */
    origin: string;
    /** Read lazily by `currentUser`: undefined until a route asks. */
    user: SessionUser | null;
    sessionId: string | null;
    /**
     * Set when this request took over an Idempotency-Key a crash cut: the instant the first request
     * under the key claimed it. What that request did is no older; a handler that finds its work done
     * answers as the first would have.
     */
    idempotencyResumedFrom?: number;
    /** The request's D1 session, opened by `dbOf` on first use. */
    d1Session: D1DatabaseSession;
  };
};
