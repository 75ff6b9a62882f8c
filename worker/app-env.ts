// The Hono environment shared by every route: bindings, plus what middleware puts on the context.
import type { SessionUser } from "../db/sessions";

export type AppEnv = {
  Bindings: Env;
  Variables: {
    user: SessionUser | null;
    sessionId: string | null;
  };
};
