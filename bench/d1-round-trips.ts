// For the benchmark only (scripts/bench.mjs runs it as the store's main): the store's worker, counting
// its D1 round trips (bench/count-d1.ts); with the entrypoint the short-link Worker hands visits to.
import type { Visit } from "../db/record-visit";
import store from "../worker/index";
import { countingRoundTrips } from "./count-d1";

export { VisitInbox } from "../worker/index";

export default countingRoundTrips<Env, Visit>(store);
