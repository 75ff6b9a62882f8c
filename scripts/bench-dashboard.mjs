// `npm run bench:dashboard`: the merchant's dashboard and a distributor's stats over 10,000,000 visits
// (BENCH_VISITS to change it). Seeds a local D1 of its own (.wrangler/bench-dashboard), counts the
// visits into their rollups with the migration's own backfill statement, prints the query plans and
// SQL times, times GET /api/admin/dashboard and GET /api/distributor/stats through `wrangler dev`
// (median of 10 warm calls), and writes its section of BENCHMARKS.md. Exits 1 when either median
// is 100 ms or more, or a plan scans a table.
import { build } from "esbuild";
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { delimiter, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { historySql, rollupBackfillSql } from "./dashboard-history.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PERSIST = ".wrangler/bench-dashboard";
/** The bench's own ports (npm run bench uses the same ones: never run both at once). */
const PORT = 8780;
const INSPECTOR_PORT = 9380;
const HISTORY = { days: 90, distributors: 500, visits: Number(process.env.BENCH_VISITS ?? 10_000_000), orders: 20_000 };
const TIME_ZONE = "Asia/Shanghai";
const CALLS = 10;
const GOAL_MS = 100;
const MERCHANT = {
  phone: process.env.ADMIN_PHONE ?? "13800000000",
  password: process.env.ADMIN_PASSWORD ?? "merchant-demo-pass",
};
const env = {
  ...process.env,
  PATH: [join(ROOT, "node_modules", ".bin"), process.env.PATH].join(delimiter),
  WRANGLER_SEND_METRICS: "false",
};

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...env, ...extraEnv },
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ").slice(0, 200)} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** Runs SQL on the bench database; with `json`, returns each statement's results and meta. */
function d1(args, json = false) {
  const out = run("wrangler", [
    "d1",
    "execute",
    "DB",
    "--local",
    "--persist-to",
    PERSIST,
    ...args,
    ...(json ? ["--json"] : []),
  ]);
  return json ? JSON.parse(out) : out;
}

/** SQL text with its parameters written in, for EXPLAIN and for the wrangler command line. */
const inline = ({ sql, params }) => {
  let i = 0;
  return sql.replace(/\?/g, () => {
    const p = params[i++];
    return typeof p === "number" ? String(p) : `'${String(p).replaceAll("'", "''")}'`;
  });
};

/** The worker's own query builders, bundled for Node, so the bench explains exactly what runs. */
async function loadQueries() {
  const outfile = join(PERSIST, "queries.mjs");
  await build({
    stdin: {
      contents: `export { dashboardQueries } from "./db/admin-dashboard";
        export { leaderboardQuery } from "./db/distributor-leaderboard";
        export { distributorStatsQueries } from "./db/distributor-stats";
        export { getDb } from "./db/client";
        export { toQuery } from "./db/batch-all";
        export { dayRanges } from "./core/rules/day-ranges";`,
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    logLevel: "warning",
  });
  return import(join(ROOT, outfile));
}

async function startServer() {
  const [port, inspectorPort] = [PORT, INSPECTOR_PORT];
  const server = spawn(
    "wrangler",
    [
      "dev",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--inspector-port",
      String(inspectorPort),
      "--persist-to",
      PERSIST,
      "--show-interactive-dev-session=false",
      "--var",
      `SESSION_SECRET:${randomBytes(32).toString("hex")}`,
    ],
    { cwd: ROOT, env, detached: true, stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  server.stderr.on("data", (chunk) => (log = (log + chunk).slice(-4000)));
  const stop = () => {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.once("exit", stop);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`wrangler dev exited:\n${log}`);
    if (
      await fetch(`${url}/api/products`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, stop };
    await sleep(250);
  }
  stop();
  throw new Error(`wrangler dev did not answer:\n${log}`);
}

async function timeCalls(url, path, cookie) {
  const once = async () => {
    const started = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { cookie } });
    const body = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
    return { ms: performance.now() - started, body };
  };
  for (let i = 0; i < 3; i++) await once();
  const times = [];
  let body = "";
  for (let i = 0; i < CALLS; i++) ({ ms: times[i], body } = await once());
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), body };
}

function databaseBytes() {
  const dir = join(ROOT, PERSIST, "v3", "d1", "miniflare-D1DatabaseObject");
  return readdirSync(dir)
    .filter((f) => !f.startsWith("metadata") && /\.sqlite(-wal)?$/.test(f))
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

function writeSection(markdown) {
  const file = join(ROOT, "BENCHMARKS.md");
  const section = `<!-- dashboard:start -->\n${markdown.trim()}\n<!-- dashboard:end -->`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const pattern = /<!-- dashboard:start -->[\s\S]*?<!-- dashboard:end -->/;
  writeFileSync(
    file,
    pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`,
  );
}

const startedAt = Date.now();
const loadAtStart = loadavg()[0];
rmSync(join(ROOT, PERSIST), { recursive: true, force: true });
mkdirSync(join(ROOT, PERSIST), { recursive: true });
console.log("migrating and seeding the demo store…");
run(process.execPath, ["scripts/build-client.mjs"]);
run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", PERSIST]);
run(process.execPath, ["scripts/seed.mjs"], { PERSIST_TO: PERSIST });

const now = Date.now();
const historyFile = join(PERSIST, "history.sql");
writeFileSync(historyFile, historySql({ now, ...HISTORY, rollups: false }).join("\n") + "\n");
console.log(
  `seeding ${HISTORY.visits.toLocaleString("en-US")} visits and ${HISTORY.orders.toLocaleString("en-US")} orders over ${HISTORY.days} days…`,
);
const seedStarted = performance.now();
d1(["--file", historyFile]);
const seedMs = performance.now() - seedStarted;
const backfill = rollupBackfillSql();
console.log("counting them into the rollups (the migration's backfill)…");
const backfillStarted = performance.now();
d1(["--command", backfill]);
const backfillMs = performance.now() - backfillStarted;
const dbBytes = databaseBytes();
const [counts] = d1(
  [
    "--command",
    `SELECT (SELECT count(*) FROM visits) AS visits, (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM distributors) AS distributors, (SELECT count(*) FROM visit_days) AS rollup_rows, (SELECT distributor_user_id FROM visit_days GROUP BY distributor_user_id ORDER BY sum(visits) DESC LIMIT 1) AS top_distributor`,
  ],
  true,
);
console.log(`seeded in ${seconds(seedMs)}; database ${(dbBytes / 2 ** 20).toFixed(0)} MiB;`, counts.results[0]);

const { rollup_rows: rollupRows, top_distributor: topDistributor } = counts.results[0];
const q = await loadQueries();
const ranges = q.dayRanges(now, TIME_ZONE);
// drizzle builds the stats' queries on a handle; this one is never sent anything
const statsQueries = q.distributorStatsQueries(q.getDb({}), topDistributor);
const named = [
  ["daily visits and orders (30 days)", inline(q.toQuery(q.dashboardQueries(ranges)[0]))],
  ["top products", inline(q.toQuery(q.dashboardQueries(ranges)[1]))],
  ["top distributors", inline(q.toQuery(q.dashboardQueries(ranges)[2]))],
  ["a distributor's visits (/api/distributor/stats, the top seller)", inline(statsQueries[0].toSQL())],
  ["leaderboard (/admin/distributors, all time)", inline(q.toQuery(q.leaderboardQuery(200)))],
];
const REPEAT = 3;
const results = d1(
  [
    "--command",
    named.map(([, text]) => [`EXPLAIN QUERY PLAN ${text}`, ...Array(REPEAT).fill(text)].join(";\n")).join(";\n"),
  ],
  true,
);
const plans = named.map(([name], i) => {
  const [plan, ...runs] = results.slice(i * (REPEAT + 1), (i + 1) * (REPEAT + 1));
  return {
    name,
    plan: plan.results.map((r) => r.detail),
    sqlMs: median(runs.map((r) => r.meta.duration)),
    dashboard: i < 4,
  };
});
for (const p of plans) console.log(`\n${p.name}: ${p.sqlMs} ms in SQLite\n  ${p.plan.join("\n  ")}`);
const tableScans = plans.filter(
  (p) => p.dashboard && p.plan.some((line) => /^SCAN (visits|visit_days|orders|order_items)\b(?! USING)/.test(line)),
);

console.log("\nstarting wrangler dev over the seeded database…");
const server = await startServer();
let timings;
try {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(MERCHANT),
  });
  if (!login.ok) throw new Error(`merchant login failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  // a shopper signs up, and their session is handed to the top distributor of the history
  const signup = await fetch(`${server.url}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ phone: "13912345678", password: "bench-password" }),
  });
  if (!signup.ok) throw new Error(`sign-up failed: ${signup.status}`);
  const distributorCookie = signup.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  d1([
    "--command",
    `UPDATE sessions SET user_id = ${topDistributor} WHERE user_id = (SELECT id FROM users WHERE phone = '13912345678')`,
  ]);
  timings = {
    dashboard: await timeCalls(server.url, "/api/admin/dashboard", cookie),
    stats: await timeCalls(server.url, "/api/distributor/stats", distributorCookie),
    page: await timeCalls(server.url, "/admin", cookie),
    leaderboard: await timeCalls(server.url, "/api/admin/distributors", cookie),
  };
} finally {
  server.stop();
}
const totals = JSON.parse(timings.dashboard.body).totals;
const stats = JSON.parse(timings.stats.body);
const ok = timings.dashboard.median < GOAL_MS && timings.stats.median < GOAL_MS && tableScans.length === 0;
const row = (name, t) => `| ${name} | ${t.median.toFixed(0)} | ${t.min.toFixed(0)} | ${t.max.toFixed(0)} |`;

const millions = (n) => (n >= 1e6 ? `${n / 1e6} M` : n.toLocaleString("en-US"));
writeSection(`
## Dashboard and distributor stats at ${millions(HISTORY.visits)} visits (\`npm run bench:dashboard\`)

Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}
(1-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end: other work on the machine shows in these numbers).
A local D1 of its own (\`${PERSIST}\`) holds the demo catalogue plus ${HISTORY.visits.toLocaleString("en-US")} visits,
${HISTORY.orders.toLocaleString("en-US")} orders and ${HISTORY.distributors} distributors over the last ${HISTORY.days} days, more of them recent
(the 30 days shown hold ${totals.visits.toLocaleString("en-US")} visits and ${totals.orders.toLocaleString("en-US")} sold orders; the top distributor has ${stats.visits.toLocaleString("en-US")} visits).
Seeded by SQLite itself (recursive CTEs, \`scripts/dashboard-history.mjs\`) in **${seconds(seedMs)}**; the migration's backfill
counted them into **${rollupRows.toLocaleString("en-US")} rollup rows** (\`visit_days\`: a store day and a link) in **${seconds(backfillMs)}**;
the database is **${(dbBytes / 2 ** 20).toFixed(0)} MiB**.

Through \`wrangler dev\`, ${CALLS} warm calls each (ms):

| request | median | min | max |
| --- | ---: | ---: | ---: |
${row(`**GET /api/admin/dashboard** (goal < ${GOAL_MS})`, timings.dashboard)}
${row(`**GET /api/distributor/stats**, the top distributor (goal < ${GOAL_MS})`, timings.stats)}
${row("GET /admin (the dashboard page, SSR + SVG)", timings.page)}
${row("GET /api/admin/distributors (all-time leaderboard)", timings.leaderboard)}

Each query alone, inside SQLite (D1's \`meta.duration\`, median of ${REPEAT}), and its plan:

${plans.map((p) => `- ${p.name}: **${p.sqlMs} ms**\n${p.plan.map((line) => `  - \`${line}\``).join("\n")}`).join("\n")}

Visits are read from their rollup, \`visit_days\` (one row per store day and link, written by the visit
writer in the same batch as the visits): a day's visits and unique visits are one range of
\`visit_days_day_idx\`, a distributor's one range of \`visit_days_distributor_idx\`, both covering, so their
cost follows links × days, not visits. Orders are still counted per day from
\`orders_status_created_idx\`, which covers the sold orders' status, day, subtotal and distributor.
`);

console.log(
  `\nGET /api/admin/dashboard: median ${timings.dashboard.median.toFixed(0)} ms (min ${timings.dashboard.min.toFixed(0)}, max ${timings.dashboard.max.toFixed(0)}) over ${CALLS} warm calls`,
);
console.log(
  `GET /api/distributor/stats: median ${timings.stats.median.toFixed(0)} ms; GET /admin: median ${timings.page.median.toFixed(0)} ms; GET /api/admin/distributors: median ${timings.leaderboard.median.toFixed(0)} ms`,
);
if (tableScans.length) console.log(`table scans in: ${tableScans.map((p) => p.name).join(", ")}`);
console.log(
  `${ok ? "PASS" : "FAIL"} (goal: dashboard and stats median < ${GOAL_MS} ms, every query on an index); BENCHMARKS.md updated; ${seconds(Date.now() - startedAt)} in all`,
);
process.exit(ok ? 0 : 1);
