// `node scripts/bench-cold.mjs`: the first request a fresh isolate answers, for the share-link
// redirect and the product page, and the page weight of /, /p/1 and /p/2 as Chromium loads them.
// Each round starts `wrangler dev` anew over one prepared local store, waits until a static file
// answers (the asset router, not the worker), then times the worker's very first request.
// Ports 8800–8801 (inspector 9800); state in .wrangler/bench-cold. Prints a Markdown table.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const PORT = Number(process.env.COLD_PORT ?? 8800);
const INSPECTOR = Number(process.env.COLD_INSPECTOR ?? 9800);
const ROUNDS = Number(process.env.COLD_ROUNDS ?? 7);
const PERSIST = ".wrangler/bench-cold";
const ENV_FILE = `${PERSIST}.env`;
const base = `http://127.0.0.1:${PORT}`;
const env = {
  ...process.env,
  PATH: [join(process.cwd(), "node_modules", ".bin"), process.env.PATH].join(delimiter),
  WRANGLER_SEND_METRICS: "false",
  PERSIST_TO: PERSIST,
};
const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI";

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: ["ignore", "ignore", "inherit"], env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
}

async function serve() {
  const child = spawn(
    "wrangler",
    [
      "dev",
      "--port",
      String(PORT),
      "--ip",
      "127.0.0.1",
      "--inspector-port",
      String(INSPECTOR),
      "--persist-to",
      PERSIST,
      "--env-file",
      ENV_FILE,
      "--show-interactive-dev-session=false",
    ],
    { env, stdio: ["ignore", "ignore", "ignore"], detached: true },
  );
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("wrangler dev did not start");
    try {
      // a static file: answered by the asset router without running the store's worker
      if ((await fetch(`${base}/img/logo.svg`)).ok) break;
    } catch {}
    await sleep(100);
  }
  return {
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      await exited;
      await sleep(300);
    },
  };
}

async function timed(path, headers = {}) {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { redirect: "manual", headers: { "user-agent": PHONE_UA, ...headers } });
  await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status };
}

async function pageWeight(path) {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const urls = [];
  page.on("response", (r) => r.url().startsWith(base) && r.request().resourceType() !== "image" && urls.push(r.url()));
  await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
  await browser.close();
  let gz = 0;
  for (const url of urls) gz += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
  return { gz, files: urls.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

rmSync(PERSIST, { recursive: true, force: true });
run("node", ["scripts/build-client.mjs"]);
run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", PERSIST]);
run("node", ["scripts/seed.mjs"]);
writeFileSync(ENV_FILE, `SESSION_SECRET=${randomBytes(16).toString("hex")}\n`);

// a distributor's link to the first product, made once (this warms that server, which then stops)
let server = await serve();
const signup = await fetch(`${base}/api/auth/signup`, {
  method: "POST",
  headers: { "content-type": "application/json", origin: base },
  body: JSON.stringify({
    phone: `139${String(Date.now()).slice(-8)}`,
    password: "bench-cold-pass",
    nickname: "冷启动",
  }),
});
const cookie = signup.headers
  .getSetCookie()
  .map((c) => c.split(";")[0])
  .join("; ");
const link = (
  await (
    await fetch(`${base}/api/links`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, cookie },
      body: JSON.stringify({ product_id: 1 }),
    })
  ).json()
).link;
const weights = {};
for (const path of ["/", "/p/1", "/p/2"]) weights[path] = await pageWeight(path);
await server.stop();

const rows = { redirect: [], product: [], warmRedirect: [], warmProduct: [] };
for (let i = 0; i < ROUNDS; i++) {
  // alternate which path is first, so each is measured on a fresh isolate
  server = await serve();
  const first = i % 2 === 0 ? "redirect" : "product";
  const path = first === "redirect" ? `/s/${link.code}` : "/p/1";
  const cold = await timed(path);
  rows[first].push(cold.ms);
  const warm = [];
  for (let k = 0; k < 5; k++) warm.push((await timed(path)).ms);
  rows[first === "redirect" ? "warmRedirect" : "warmProduct"].push(median(warm));
  if (cold.status !== (first === "redirect" ? 302 : 200)) throw new Error(`${path}: ${cold.status}`);
  await server.stop();
}
rmSync(PERSIST, { recursive: true, force: true });
rmSync(ENV_FILE, { force: true });

const f = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
console.log(`| request | first request of a fresh isolate, median (range) | warm, median |`);
console.log(`| --- | ---: | ---: |`);
console.log(`| /s/:code (302) | ${f(rows.redirect)} | ${median(rows.warmRedirect).toFixed(1)} ms |`);
console.log(`| /p/1 (200) | ${f(rows.product)} | ${median(rows.warmProduct).toFixed(1)} ms |`);
console.log();
console.log(`| page | gzipped, all but pictures | files |`);
console.log(`| --- | ---: | ---: |`);
for (const [path, w] of Object.entries(weights))
  console.log(`| ${path} | ${(w.gz / 1024).toFixed(1)} KB | ${w.files} |`);
