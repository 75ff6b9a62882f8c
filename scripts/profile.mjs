// `npm run profile -- [path] [seconds]`: where a request's CPU goes. Starts a fresh store, loads
// one path with autocannon as a phone would, records a CPU profile of the worker's isolate over
// the inspector meanwhile, prints the functions with the most self time, and saves the profile
// (open it in Chrome DevTools, Performance tab). The default path is a share link made for the run.
import autocannon from "autocannon";
import { mkdirSync, writeFileSync } from "node:fs";
import WebSocket from "ws";
import { startFreshStore } from "./fresh-store.mjs";

const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI";
const [pathArg, secondsArg = "5"] = process.argv.slice(2);
const TOP = 30;

const store = await startFreshStore({ prefix: "profile", logFile: ".wrangler/profile-store.log" });
try {
  const path = pathArg ?? (await shareLink(store.url));
  const load = (duration) =>
    new Promise((resolve, reject) =>
      autocannon(
        { url: `${store.url}${path}`, connections: 20, duration, headers: { "user-agent": PHONE_UA } },
        (err, r) => (err ? reject(err) : resolve(r)),
      ),
    );
  await load(2); // warm: caches filled, code optimised
  const inspector = await connect(store.inspectorPort);
  await inspector.call("Profiler.enable");
  await inspector.call("Profiler.setSamplingInterval", { interval: 100 });
  await inspector.call("Profiler.start");
  const result = await load(Number(secondsArg));
  const { profile } = await inspector.call("Profiler.stop");
  inspector.close();

  mkdirSync(".wrangler", { recursive: true });
  const file = `.wrangler/profile-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`;
  writeFileSync(file, JSON.stringify(profile));
  console.log(
    `${path}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms; statuses`,
    Object.keys(result.statusCodeStats).join(" "),
  );
  printSelfTime(profile);
  console.log(`profile saved to ${file}`);
} finally {
  await store.stop();
}

async function shareLink(url) {
  const post = (path, body, cookie) =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const signup = await post("/api/auth/signup", { phone: "13900000001", password: "profile-password" });
  const cookie = signup.headers
    .getSetCookie()
    .find((c) => c.startsWith("sid="))
    ?.split(";")[0];
  const { link } = await (await post("/api/links", { product_id: 1 }, cookie)).json();
  return `/s/${link.code}`;
}

/** The DevTools protocol over the inspector's WebSocket (wrangler's proxy wants an Origin header). */
async function connect(port) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { origin: `http://127.0.0.1:${port}` });
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  const pending = new Map();
  let id = 0;
  ws.on("message", (data) => {
    const message = JSON.parse(String(data));
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  });
  return {
    call: (method, params = {}) =>
      new Promise((resolve) => (pending.set(++id, resolve), ws.send(JSON.stringify({ id, method, params })))),
    close: () => ws.close(),
  };
}

function printSelfTime(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (const id of profile.samples) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const where = url ? `${url.split("/").pop()}:${lineNumber + 1}` : "native";
    const key = `${functionName || "(anonymous)"}  ${where}`;
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length;
  console.log(`self time of ${total} samples (100 µs apart); index.js lines are in .wrangler/tmp/dev-*/index.js:`);
  for (const [key, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${((100 * n) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}
