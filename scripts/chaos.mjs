// `npm run chaos`: SIGKILLs the store's workerd under a mixed load, restarts it on the same D1, and
// checks that nothing was lost or half-written; writes docs/chaos.md, exits 1 if an invariant broke.
import { randomInt } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { checkInvariants, tallies } from "./chaos/invariants.mjs";
import { startLoad } from "./chaos/load.mjs";
import { printTable, retryOutcomes, writeReport } from "./chaos/report.mjs";
import { mapLimit, setUp } from "./chaos/setup.mjs";
import { Traffic } from "./chaos/traffic.mjs";
import { envPorts, startFreshStore } from "./fresh-store.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const KILLS = Number(process.env.CHAOS_KILLS ?? 5);
const CONCURRENCY = Number(process.env.CHAOS_CONCURRENCY ?? 24);
/** Up-time under load before each kill, drawn at random in this range: kills land at random moments. */
const UP_MS = [9_000, 17_000];
/** Load after the last restart: the store must keep working on what the crashes left. Unpaid orders
 * are held 1 minute, so from about 60 s into the load the cron's cancels run under the kills too. */
const TAIL_MS = 12_000;
const CAST = { shoppers: 54, distributors: 6, guests: 6 };
/** Not the e2e range (8795-8798), nor npm start's 8787; STORE_PORTS picks others. */
const PORTS = envPorts() ?? [8783, 8784, 8785, 8786, 8788, 8789];
const REPORT = join(ROOT, "docs", "chaos.md");

const log = (message) => console.log(`[${((Date.now() - startedAt) / 1000).toFixed(1)} s] ${message}`);
const startedAt = Date.now();

/** Kills the store at this moment, counts what the kill cut, and serves the same database again. */
async function crashAndRestart(store, traffic, n, loadStart) {
  const cutBefore = traffic.cut;
  const inFlight = traffic.goDown();
  const atS = (Date.now() - loadStart) / 1000;
  const { workerd, others } = await store.crash();
  // every request the kill hit fails before the store is back, so none is counted as answered by the next one
  while (traffic.inflight.size > 0) await sleep(5);
  const restartAt = Date.now();
  await store.restart();
  const restartMs = Date.now() - restartAt;
  traffic.goUp();
  const kill = {
    n,
    atS,
    inFlight,
    killed: { workerd: workerd.length, others: others.length },
    cut: traffic.cut - cutBefore,
    restartMs,
  };
  log(`kill ${n}: ${inFlight.total} in flight, ${kill.cut} cut, back in ${restartMs} ms`);
  return kill;
}

async function runLoad(store, traffic, world) {
  const loadStart = Date.now();
  const load = startLoad(world, CONCURRENCY);
  const kills = [];
  for (let n = 1; n <= KILLS && !load.failed(); n++) {
    await sleep(randomInt(UP_MS[0], UP_MS[1]));
    kills.push(await crashAndRestart(store, traffic, n, loadStart));
  }
  await sleep(TAIL_MS);
  await load.stop();
  return { kills, loadS: (Date.now() - loadStart) / 1000 };
}

/** What the store tells each person their wallet holds, to hold against the ledger. */
async function readWallets(world) {
  await mapLimit(world.people, 8, async (person) => {
    const res = await person.client.request("me", "/api/me");
    person.meWallet = res.status === 200 ? res.body.wallet_cents : `HTTP ${res.status}`;
  });
}

/** Any process still running over this store's state directory: there must be none. */
function leftovers(persistTo) {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(persistTo);
      } catch {
        return false;
      }
    });
}

async function main() {
  const store = await startFreshStore({
    prefix: "chaos",
    ports: PORTS,
    logFile: ".wrangler/chaos-store.log",
    keepData: true,
  });
  log(`store on ${store.url}, database in ${store.persistTo}`);
  const traffic = new Traffic(store);
  let run;
  try {
    const world = await setUp(traffic, CAST);
    log(
      `set up: ${world.people.length} people, ${Object.keys(world.products).length} products, ${traffic.sent} requests`,
    );
    const { kills, loadS } = await runLoad(store, traffic, world);
    log(`load done: ${traffic.sent} requests sent, ${traffic.cut} cut, ${world.orders.size} orders acknowledged`);
    await readWallets(world);
    run = { world, traffic, kills, startedAt, config: { concurrency: CONCURRENCY, loadS } };
  } finally {
    await store.stop();
  }
  const left = leftovers(store.persistTo);
  if (left.length) throw new Error(`processes left running over ${store.persistTo}: ${left.join(", ")}`);

  const results = checkInvariants(store.persistTo, run.world);
  Object.assign(run, { results, tallies: tallies(store.persistTo) });
  run.config.totalS = (Date.now() - startedAt) / 1000;
  printTable(results);
  writeReport(REPORT, run);
  const retries = retryOutcomes(run.world);
  log(
    `${run.kills.length} kills; cut order requests ${retries.cut} (replayed ${retries.replayed}, placed on retry ${retries.placedOnRetry}); report in docs/chaos.md`,
  );

  const ok = results.every((r) => r.ok);
  if (ok) rmSync(join(ROOT, store.persistTo), { recursive: true, force: true });
  else console.error(`invariants broke; the database is kept in ${store.persistTo}`);
  return ok;
}

process.exitCode = (await main()) ? 0 : 1;
