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
    /** Set by the idempotency middleware: this request runs again what a crash cut (which may have acted). */
    idempotencyResumed?: boolean;
    /** The request's D1 session, opened by `dbOf` on first use. */
    d1Session: D1DatabaseSession;
  };
};
