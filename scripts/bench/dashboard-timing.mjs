// The merchant's dashboard and the top distributor's stats, timed over the database that
// `npm run bench:dashboard` seeds with 10,000,000 visits (and seeded by it first when it is missing
// or smaller): 10 warm calls each through `wrangler dev`, the median.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { openSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { hashPassword, sqlValue } from "../merchant-account.mjs";

const PERSIST = ".wrangler/bench-dashboard";
const VISITS = 10_000_000;
const CALLS = 10;
const PASSWORD = "bench-password";

function d1(env, sql) {
  const r = spawnSync(
    "wrangler",
    ["d1", "execute", "DB", "--local", "--persist-to", PERSIST, "--json", "--command", sql],
    { env, encoding: "utf8", maxBuffer: 64 << 20 },
  );
  if (r.status !== 0) return null;
  return JSON.parse(r.stdout)[0].results;
}

async function login(base, phone, password) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ phone, password }),
  });
  if (!res.ok) throw new Error(`login of ${phone} failed: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function median(base, path, cookie) {
  const once = async () => {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await once();
  const times = [];
  for (let i = 0; i < CALLS; i++) times.push(await once());
  return times.sort((a, b) => a - b)[Math.floor((CALLS - 1) / 2)];
}

/** @returns the medians (ms), and a line saying what they were measured over */
export async function timeDashboard({ env, port, inspectorPort }) {
  let [counts] = d1(env, "SELECT count(*) AS visits FROM visits") ?? [{ visits: 0 }];
  if (counts.visits < VISITS) {
    console.log(
      `${PERSIST} holds ${counts.visits} visits: seeding ${VISITS.toLocaleString("en-US")} (npm run bench:dashboard)…`,
    );
    spawnSync(process.execPath, ["scripts/bench-dashboard.mjs"], { env, stdio: "inherit" });
    [counts] = d1(env, "SELECT count(*) AS visits FROM visits");
  }
  // the distributor with the most visits signs in with a password of the bench's
  const [top] = d1(
    env,
    `SELECT u.id, u.phone FROM users u JOIN (SELECT distributor_user_id AS id FROM visit_days GROUP BY 1 ORDER BY sum(visits) DESC LIMIT 1) t ON t.id = u.id`,
  );
  d1(env, `UPDATE users SET password_hash = ${sqlValue(hashPassword(PASSWORD))} WHERE id = ${top.id}`);

  const logFile = ".wrangler/bench-dashboard-timing.log";
  const log = openSync(logFile, "w");
  const server = spawn(
    "wrangler",
    ["dev", "--port", String(port), "--ip", "127.0.0.1", "--inspector-port", String(inspectorPort)].concat([
      "--persist-to",
      PERSIST,
      "--var",
      `SESSION_SECRET:${randomBytes(32).toString("hex")}`,
    ]),
    { env, stdio: ["ignore", log, log], detached: true },
  );
  const stop = () => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {} // gone
  };
  process.once("exit", stop);
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (server.exitCode !== null || i > 360)
        throw new Error(`wrangler dev did not start: ${readFileSync(logFile, "utf8").slice(-2000)}`);
      if (
        await fetch(`${base}/api/products`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await sleep(250);
    }
    const merchant = await login(base, "13800000000", "merchant-demo-pass");
    const distributor = await login(base, top.phone, PASSWORD);
    return {
      dashboardMs: await median(base, "/api/admin/dashboard", merchant),
      statsMs: await median(base, "/api/distributor/stats", distributor),
      visitsLabel: `${(counts.visits / 1e6).toLocaleString("en-US")} M`,
      note: `over \`${PERSIST}\` (${counts.visits.toLocaleString("en-US")} visits, seeded by \`npm run bench:dashboard\`, whose section below has the query plans), through \`wrangler dev\`, signed in as the merchant and as the distributor with the most visits.`,
    };
  } finally {
    stop();
  }
}
