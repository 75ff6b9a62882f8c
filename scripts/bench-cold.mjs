// `npm run bench:cold [-- DIR…]`: the first request a fresh isolate answers, for the share-link
// redirect and the product page, and the page weight of /, /p/1 and /p/2 as Chromium loads them,
// for this checkout and any other (say, a `git archive` of main with node_modules linked in):
// the checkouts take turns round after round, so the machine's load falls on each alike.
// Each round starts `wrangler dev` anew over a prepared local store, waits until a static file
// answers (the asset router, not the worker), then times the worker's very first request.
// Ports 8800 + i (inspector 9800 + i); state in <dir>/.wrangler/bench-cold. Prints Markdown tables.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { launchChromium } from "./chromium.mjs";
import { pageWeight as weighPage } from "./page-weight.mjs";

const ROUNDS = Number(process.env.COLD_ROUNDS ?? 7);
const DIRS = (process.argv.slice(2).length ? process.argv.slice(2) : ["."]).map((d) => resolve(d));
const PERSIST = ".wrangler/bench-cold";
const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI";

const envOf = (dir) => ({
  ...process.env,
  PATH: [join(dir, "node_modules", ".bin"), process.env.PATH].join(delimiter),
  WRANGLER_SEND_METRICS: "false",
  PERSIST_TO: PERSIST,
});

function run(dir, cmd, args) {
  const r = spawnSync(cmd, args, { cwd: dir, stdio: ["ignore", "ignore", "inherit"], env: envOf(dir) });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed in ${dir}`);
}

async function serve(checkout) {
  const { dir, port } = checkout;
  const args = ["dev", "--port", String(port), "--ip", "127.0.0.1", "--inspector-port", String(port + 1000)];
  args.push("--persist-to", PERSIST, "--env-file", `${PERSIST}.env`, "--show-interactive-dev-session=false");
  const child = spawn("wrangler", args, { cwd: dir, env: envOf(dir), stdio: "ignore", detached: true });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`wrangler dev did not start in ${dir}`);
    try {
      // a static file: answered by the asset router without running the store's worker
      if ((await fetch(`${checkout.base}/img/logo.svg`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return async () => {
    const exited = new Promise((r) => child.once("exit", r));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // gone already
    }
    await exited;
    await sleep(300);
  };
}

async function timed(base, path) {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { redirect: "manual", headers: { "user-agent": PHONE_UA } });
  await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status };
}

async function pageWeight(base, path) {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { parts, gz } = await weighPage(context, `${base}${path}`);
    return { gz, files: parts.length };
  } finally {
    await browser.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const checkouts = DIRS.map((dir, i) => ({
  dir,
  port: 8800 + i,
  base: `http://127.0.0.1:${8800 + i}`,
  cold: { redirect: [], product: [] },
  warm: { redirect: [], product: [] },
  weights: {},
}));
for (const c of checkouts) {
  rmSync(join(c.dir, PERSIST), { recursive: true, force: true });
  run(c.dir, "node", ["scripts/build-client.mjs"]);
  run(c.dir, "wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", PERSIST]);
  run(c.dir, "node", ["scripts/seed.mjs"]);
  writeFileSync(join(c.dir, `${PERSIST}.env`), `SESSION_SECRET=${randomBytes(16).toString("hex")}\n`);
  // a distributor's link to the first product, made once (this warms that server, which then stops)
  const stop = await serve(c);
  const headers = { "content-type": "application/json", origin: c.base };
  const signup = await fetch(`${c.base}/api/auth/signup`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      phone: `139${String(Date.now()).slice(-8)}`,
      password: "bench-cold-pass",
      nickname: "冷启动",
    }),
  });
  const cookie = signup.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const linked = await fetch(`${c.base}/api/links`, {
    method: "POST",
    headers: { ...headers, cookie },
    body: JSON.stringify({ product_id: 1 }),
  });
  c.code = (await linked.json()).link.code;
  for (const path of ["/", "/p/1", "/p/2"]) c.weights[path] = await pageWeight(c.base, path);
  await stop();
}

for (let round = 0; round < ROUNDS; round++) {
  for (const kind of ["redirect", "product"]) {
    for (const c of checkouts) {
      const stop = await serve(c);
      const path = kind === "redirect" ? `/s/${c.code}` : "/p/1";
      const cold = await timed(c.base, path);
      if (cold.status !== (kind === "redirect" ? 302 : 200)) throw new Error(`${c.dir}${path}: ${cold.status}`);
      c.cold[kind].push(cold.ms);
      const warm = [];
      for (let k = 0; k < 5; k++) warm.push((await timed(c.base, path)).ms);
      c.warm[kind].push(median(warm));
      await stop();
    }
  }
}
for (const c of checkouts) {
  rmSync(join(c.dir, PERSIST), { recursive: true, force: true });
  rmSync(join(c.dir, `${PERSIST}.env`), { force: true });
}

const f = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
console.log(`${ROUNDS} rounds each; load average at the end ${(await import("node:os")).loadavg()[0].toFixed(1)}\n`);
console.log("| checkout | request | first request of a fresh isolate, median (range) | warm, median |");
console.log("| --- | --- | ---: | ---: |");
for (const c of checkouts) {
  console.log(`| ${c.dir} | /s/:code (302) | ${f(c.cold.redirect)} | ${median(c.warm.redirect).toFixed(1)} ms |`);
  console.log(`| ${c.dir} | /p/1 (200) | ${f(c.cold.product)} | ${median(c.warm.product).toFixed(1)} ms |`);
}
console.log("\n| checkout | page | gzipped, all but pictures | files |\n| --- | --- | ---: | ---: |");
for (const c of checkouts) {
  for (const [path, w] of Object.entries(c.weights)) {
    console.log(`| ${c.dir} | ${path} | ${(w.gz / 1024).toFixed(1)} KB | ${w.files} |`);
  }
}
