// Visits clicked in one isolate within a few milliseconds of each other are written together: one
// D1 round trip (or one queue send) per batch instead of one per click, which cost more CPU than
// the rest of the redirect (BENCHMARKS.md).
import type { Visit } from "../../db/record-visit";
import { errorFields, logEvent } from "../lib/log";

/** How long the first visit of a batch waits for others. No shopper waits on it: it runs in waitUntil. */
export const VISIT_BATCH_WINDOW_MS = 50;
/** The most visits one write takes: Queue.sendBatch's limit; as one D1 parameter, at most ~70 KB of JSON. */
export const VISIT_BATCH_MAX = 100;

export type VisitSink = (visits: Visit[]) => Promise<void>;

/** A batch's destination (one open batch per destination) and how to write to it. */
export type VisitDestination = { destination: object; write: VisitSink };

/** Visits sent to the VISITS queue, one `sendBatch` per batch; its consumer writes them. */
export function queueDestination(queue: Queue<Visit>): VisitDestination {
  return { destination: queue, write: async (batch) => void (await queue.sendBatch(batch.map((body) => ({ body })))) };
}

// one batch open per destination (the D1 database or the queue) at a time
const openBatches = new Map<object, Visit[]>();

/**
 * Adds a visit to the batch open for `destination`, opening one if none is. The request that opens
 * a batch gets the promise that writes it, to hand to `waitUntil`; the isolate stays alive until
 * it is done. Requests that join an open batch get `undefined`: that earlier `waitUntil` carries
 * their visit too. A failed write is tried once more, then logged; it never rejects.
 * @example
 * const writing = recordVisitSoon(env.DB, visit, (batch) => recordVisits(env.DB, batch, windowMs, timeZone));
 * if (writing) c.executionCtx.waitUntil(writing);
 */
export function recordVisitSoon(destination: object, visit: Visit, write: VisitSink): Promise<void> | undefined {
  const open = openBatches.get(destination);
  if (open) {
    open.push(visit);
    return undefined;
  }
  const batch = [visit];
  openBatches.set(destination, batch);
  return (async () => {
    await new Promise((resolve) => setTimeout(resolve, VISIT_BATCH_WINDOW_MS));
    openBatches.delete(destination); // visits from now on open the next batch
    for (let i = 0; i < batch.length; i += VISIT_BATCH_MAX) {
      await writeOrRetryOnce(write, batch.slice(i, i + VISIT_BATCH_MAX));
    }
  })();
}

async function writeOrRetryOnce(write: VisitSink, visits: Visit[]): Promise<void> {
  try {
    await write(visits);
  } catch {
    try {
      await write(visits);
    } catch (err) {
      logEvent("visits.not_recorded", { visits: visits.length, ...errorFields(err) }, "error");
    }
  }
}
