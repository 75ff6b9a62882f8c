// The benches' one way to run autocannon: its options in, the figures the tables show out.
import autocannon from "autocannon";

/**
 * @param {string} name the row's name
 * @param {import("autocannon").Options} options autocannon's own
 * @returns req/s (average), p50 and p99 latency (ms), requests in all, and the count of each status
 */
export async function runLoad(name, options) {
  const r = await new Promise((resolve, reject) =>
    autocannon(options, (err, res) => (err ? reject(err) : resolve(res))),
  );
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    codes: r.statusCodeStats,
  };
}
