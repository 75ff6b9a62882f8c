// A fresh store for browser journeys and benchmarks: the islands bundle, a new local D1 under
// .wrangler/<prefix>-<random> (migrated and seeded), and `wrangler dev` on a free port of 8795-8798;
// crash tests can SIGKILL it and serve the same database again. Used as a module
// (`startFreshStore()`), or run directly to keep one up until Ctrl-C.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { delimiter, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { devConfigsIn } from "./wrangler.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DEFAULT_PORTS = envPorts() ?? [8795, 8796, 8797, 8798];
const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 5_000;

const env = {
  ...process.env,
  PATH: [join(ROOT, "node_modules", ".bin"), process.env.PATH].join(delimiter),
  WRANGLER_SEND_METRICS: "false",
};

/** `STORE_PORTS=8820,8821,…`: the ports a developer's own range allows, for every store started here. */
export function envPorts() {
  const ports = process.env.STORE_PORTS?.split(",").map(Number);
  return ports?.length && ports.every((p) => Number.isInteger(p) && p > 0) ? ports : null;
}

/** Runs a set-up step quietly; its output is shown only when it fails. */
function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`${command} ${args.join(" ")} failed with ${result.status ?? result.signal}`);
  }
}

function isFree(port) {
  return new Promise((resolve) => {
    const server = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => server.close(() => resolve(true)))
      .listen(port, "127.0.0.1");
  });
}

async function freePorts(candidates, n) {
  const free = [];
  for (const port of candidates) if (free.length < n && (await isFree(port))) free.push(port);
  if (free.length < n) throw new Error(`need ${n} free ports among ${candidates.join(", ")}, found ${free.length}`);
  return free;
}

async function waitUntilUp(url, server) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`wrangler dev exited with ${server.exitCode} before answering`);
    try {
      const res = await fetch(`${url}/api/products`);
      if (res.ok && (await res.json()).products.length > 0) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the store at ${url} did not answer within ${READY_TIMEOUT_MS / 1000} s`);
}

/**
 * Creates `.wrangler/<prefix>-<random>`: the islands bundle, migrations, the seed, and the two Workers'
 * configs beside a secret of their own (scripts/wrangler.mjs, devConfigsIn): no Stripe key whatever
 * the repository's .dev.vars holds, so the store runs in the explicit demo payment mode.
 */
function prepareStore(prefix) {
  const persistTo = `.wrangler/${prefix}-${randomBytes(4).toString("hex")}`;
  try {
    run(process.execPath, ["scripts/build-client.mjs"]);
    run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]);
    run(process.execPath, ["scripts/seed.mjs"], { PERSIST_TO: persistTo });
    const configs = devConfigsIn(
      join(ROOT, persistTo, "run"),
      `SESSION_SECRET=${randomBytes(32).toString("hex")}\nSTRIPE_SECRET_KEY=\nSTRIPE_WEBHOOK_SECRET=\n`,
    );
    return { persistTo, configs };
  } catch (error) {
    rmSync(join(ROOT, persistTo), { recursive: true, force: true });
    throw error;
  }
}

/** `wrangler dev` over an existing store directory, in its own process group so it can be stopped whole. */
function spawnWrangler({ persistTo, configs, port, inspectorPort, logFile, restarted }) {
  const args = [
    "dev",
    ...configs,
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--inspector-port",
    String(inspectorPort),
    "--persist-to",
    persistTo,
    "--show-interactive-dev-session=false",
  ];
  const server = spawn("wrangler", args, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    // a restarted store keeps the log of the one before it
    const log = createWriteStream(logFile, { flags: restarted ? "a" : "w" });
    server.stdout.pipe(log);
    server.stderr.pipe(log);
  } else {
    server.stdout.resume();
    server.stderr.pipe(process.stderr);
  }
  return server;
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** Live processes of a process group (zombies are dead already: they only wait to be reaped). */
export function groupProcesses(pgid) {
  const found = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const [state, , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(group) === pgid && state !== "Z" && state !== "X") found.push({ pid: Number(entry), name });
    } catch {
      // exited while we looked
    }
  }
  return found;
}

async function waitGroupGone(pgid) {
  const deadline = Date.now() + STOP_GRACE_MS;
  while (groupProcesses(pgid).length > 0) {
    if (Date.now() > deadline) throw new Error(`process group ${pgid} outlived SIGKILL`);
    await sleep(20);
  }
}

/**
 * Starts a store over its own fresh, seeded database, in demo payment mode, with a random session
 * secret. Always call `stop()` (it is also called if this process exits first).
 *
 * For crash tests, `crash()` SIGKILLs the store's workerd processes and then the rest of wrangler,
 * and `restart()` serves the same database again (on the same ports when they are free; `url` and
 * `port` follow). `keepData` leaves the database in place after `stop()`, for a post-mortem.
 * `inspectorPorts` gives the inspector a range of its own (by default it takes a second port of `ports`).
 * @param {{ prefix?: string, ports?: number[], inspectorPorts?: number[], logFile?: string, keepData?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, inspectorPort: number, persistTo: string, stop: () => Promise<void>,
 *   crash: () => Promise<{ workerd: Process[], others: Process[] }>, restart: () => Promise<void> }>}
 * @typedef {{ pid: number, name: string }} Process
 * @example
 * const store = await startFreshStore({ prefix: "e2e" });
 * try { await fetch(`${store.url}/api/products`); } finally { await store.stop(); }
 */
export async function startFreshStore({
  prefix = "e2e",
  ports = DEFAULT_PORTS,
  inspectorPorts,
  logFile,
  keepData = false,
} = {}) {
  const { persistTo, configs } = prepareStore(prefix);
  let server = null;
  let stopped = false;
  const onExit = () => server && killGroup(server.pid, "SIGKILL");
  process.on("exit", onExit);

  const store = { url: "", port: 0, inspectorPort: 0, persistTo, stop, crash, restart };

  /** Never two servers over one state directory: two at once can die with SQLITE_BUSY. */
  async function serve() {
    if (server) await waitGroupGone(server.pid);
    // the inspector takes a port too: both from the range this store may use; the old ones first
    const previous = store.port ? [store.port, store.inspectorPort] : [];
    const [port, inspectorPort] = inspectorPorts
      ? [
          (await freePorts([...new Set([...previous.slice(0, 1), ...ports])], 1))[0],
          (await freePorts([...new Set([...previous.slice(1), ...inspectorPorts])], 1))[0],
        ]
      : await freePorts([...new Set([...previous, ...ports])], 2);
    server = spawnWrangler({ persistTo, configs, port, inspectorPort, logFile, restarted: server !== null });
    Object.assign(store, { url: `http://127.0.0.1:${port}`, port, inspectorPort });
    await waitUntilUp(store.url, server);
  }

  async function crash() {
    if (!server) return { workerd: [], others: [] };
    const group = groupProcesses(server.pid);
    const workerd = group.filter((p) => p.name.startsWith("workerd"));
    for (const p of workerd) process.kill(p.pid, "SIGKILL");
    // then wrangler itself: it would otherwise live on over a dead runtime, and a restart needs it gone
    killGroup(server.pid, "SIGKILL");
    await waitGroupGone(server.pid);
    return { workerd, others: group.filter((p) => !workerd.includes(p)) };
  }

  async function restart() {
    if (stopped) throw new Error("this store was stopped; start a fresh one");
    await crash();
    await serve();
  }

  async function stop() {
    if (stopped) return;
    stopped = true;
    process.off("exit", onExit);
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      killGroup(server.pid, "SIGTERM");
      const timer = setTimeout(() => killGroup(server.pid, "SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    // wrangler's children (workerd) share its process group: make sure none outlives it
    if (server) {
      killGroup(server.pid, "SIGKILL");
      await waitGroupGone(server.pid);
    }
    if (!keepData) rmSync(join(ROOT, persistTo), { recursive: true, force: true });
  }

  try {
    await serve();
  } catch (error) {
    await stop();
    throw error;
  }
  return store;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // STORE_PORTS picks other ports (envPorts above)
  const store = await startFreshStore();
  console.log(`fresh store on ${store.url} (database in ${store.persistTo}); Ctrl-C stops it`);
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => store.stop().then(() => process.exit(0)));
}
