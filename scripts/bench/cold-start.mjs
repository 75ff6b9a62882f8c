// A fresh isolate's first request: the production bundles of the short-link Worker (the store's front
// door, which answers a tap) and of the store itself, against the bare worker's. All are built as
// `wrangler deploy` would upload them (minified); a Worker Loader (bench/cold-start/) starts a new
// isolate of one for each request it is sent with a new id, so each request pays what a cold isolate
// pays: parsing the bundle, running its top level, then the request.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { gzipSync } from "node:zlib";
import { treeCpuMs } from "./cpu.mjs";

const OUT = resolve(".wrangler/bench-cold");
const DIST = "bench/cold-start/dist";
const BATCH = 15;
const ROUNDS = 2;

function build(env, args) {
  const r = spawnSync("wrangler", ["deploy", "--dry-run", ...args], { env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`wrangler deploy --dry-run ${args.join(" ")} failed:\n${r.stderr}`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * @param {{ env: NodeJS.ProcessEnv, persist: string, port: number, inspectorPort: number, link: string, phoneUa: string }} o
 *   `persist`: a local state whose D1 holds the share link `link` (the bench's own store)
 * @returns CPU ms and median ms of a fresh isolate's first request and of a warm one, per bundle
 *   (links: the short-link Worker; store: the store answering the tap itself); the sizes
 */
export async function measureColdStarts({ env, persist, port, inspectorPort, link, phoneUa }) {
  build(env, ["--env", "production", "--outdir", join(OUT, "store")]);
  build(env, ["-c", "wrangler.links.toml", "--env", "production", "--outdir", join(OUT, "links")]);
  build(env, ["-c", "bench/wrangler.bare.toml", "--minify", "--outdir", join(OUT, "bare")]);
  mkdirSync(DIST, { recursive: true });
  copyFileSync(join(OUT, "store", "index.js"), join(DIST, "store.bundle.js"));
  copyFileSync(join(OUT, "links", "short-links.js"), join(DIST, "links.bundle.js"));
  copyFileSync(join(OUT, "bare", "bare-worker.js"), join(DIST, "bare.bundle.js"));
  const storeCode = readFileSync(join(DIST, "store.bundle.js"));

  const logFile = ".wrangler/bench-cold.log";
  const log = openSync(logFile, "w");
  const harness = spawn(
    "wrangler",
    ["dev", "-c", "bench/cold-start/wrangler.toml", "--port", String(port), "--ip", "127.0.0.1"].concat([
      "--inspector-port",
      String(inspectorPort),
      "--persist-to",
      resolve(persist),
    ]),
    { env, stdio: ["ignore", log, log], detached: true },
  );
  const stop = () => {
    try {
      process.kill(-harness.pid, "SIGTERM");
    } catch {} // gone
  };
  process.once("exit", stop);
  try {
    const url = (worker, id, path) => `http://127.0.0.1:${port}/?worker=${worker}&id=${id}&path=${path}`;
    const cases = { links: `/s/${link}`, store: `/s/${link}`, bare: "/s/x" };
    const ask = async (worker, id) => {
      const started = performance.now();
      const res = await fetch(url(worker, id, cases[worker]), {
        headers: { "user-agent": phoneUa },
        redirect: "manual",
      });
      await res.arrayBuffer();
      if (res.status !== 302) throw new Error(`${worker}: ${res.status}`);
      return performance.now() - started;
    };
    for (let i = 0; ; i++) {
      if (harness.exitCode !== null || i > 240)
        throw new Error(`the harness did not start: ${readFileSync(logFile, "utf8").slice(-2000)}`);
      if (
        await ask("bare", "warm-up").then(
          () => true,
          () => false,
        )
      )
        break;
      await sleep(250);
    }
    const workers = ["bare", "links", "store"];
    const runs = Object.fromEntries(workers.map((w) => [w, { cpu: 0, walls: [], warmCpu: 0 }]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const worker of workers) {
        const ids = Array.from({ length: BATCH }, (_, i) => `${worker}-${round}-${i}-${Date.now()}`);
        let cpu = treeCpuMs(harness.pid);
        for (const id of ids) runs[worker].walls.push(await ask(worker, id));
        runs[worker].cpu += treeCpuMs(harness.pid) - cpu;
        cpu = treeCpuMs(harness.pid);
        for (const id of ids) await ask(worker, id);
        runs[worker].warmCpu += treeCpuMs(harness.pid) - cpu;
      }
    }
    const n = BATCH * ROUNDS;
    const of = (r) => ({ cpuMs: r.cpu / n, wallMs: median(r.walls), warmCpuMs: r.warmCpu / n });
    return {
      runs: n,
      links: of(runs.links),
      store: of(runs.store),
      bare: of(runs.bare),
      linksBundleBytes: readFileSync(join(DIST, "links.bundle.js")).length,
      bundleBytes: storeCode.length,
      bundleGzipBytes: gzipSync(storeCode).length,
      bareBundleBytes: readFileSync(join(DIST, "bare.bundle.js")).length,
    };
  } finally {
    stop();
  }
}
