// Bindings the store uses when they exist and does without otherwise. The deployed environments in
// wrangler.toml declare VISITS, the local top level does not, so `wrangler types` makes it optional
// and untyped; this gives it its message type.
interface Env {
  /** Visits queued for batched writes (docs/scale-plan.md); absent: written one by one. */
  VISITS?: Queue<import("../db/record-visit").Visit>;
}
