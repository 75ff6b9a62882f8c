// For the benchmark only: the short-link Worker (worker/short-links.ts), counting its D1 round trips
// as bench/d1-round-trips.ts counts the store's (bench/count-d1.ts).
import shortLinks from "../worker/short-links";
import { countingRoundTrips } from "./count-d1";

export default countingRoundTrips(shortLinks);
