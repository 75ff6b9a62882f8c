// Bindings the store uses when they exist and does without otherwise; wrangler.toml does not
// declare them by default, so `wrangler types` cannot list them.
interface Env {
  /** Visits queued for batched writes (docs/scale-plan.md); absent: written one by one. */
  VISITS?: Queue<import("../db/record-visit").Visit>;
}
