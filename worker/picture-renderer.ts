// The poster and chat-card renderer (worker/render/), loaded on first use only: in production it is
// a module of its own beside the bundle (wrangler.toml `rules`), so requests that never draw a
// picture never evaluate it; tests alias the path to the TypeScript source (vitest.config.ts).
import type * as RenderEntry from "./render/entry";

export type Renderer = typeof RenderEntry;

/** The specifier must stay this literal string: wrangler matches it against the rule's glob. */
export const loadRenderer = (): Promise<Renderer> => import("./lazy/render.mjs" as string) as Promise<Renderer>;
