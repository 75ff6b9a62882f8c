// `npm run bench:groups`: joins on group buying (拼团) under load, against a fresh local store of
// its own (scripts/fresh-store.mjs, ports 8814-8819 and inspector 9814-9819 unless STORE_PORTS
// says otherwise). Shoppers all join one hot group at once, then spread over
// many groups; every run checks that exactly the free seats were taken. Writes its own section of
// BENCHMARKS.md, between <!-- groups:start --> and <!-- groups:end -->, and nothing else.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { runLoad } from "./bench/autocannon.mjs";
import { benchClient } from "./bench/shoppers.mjs";
import { launchChromium } from "./chromium.mjs";
import { envPorts, startFreshStore } from "./fresh-store.mjs";
import { pageWeight } from "./page-weight.mjs";

const SHOPPERS = Number(process.env.BENCH_USERS ?? 300);
const SIZE = 10;
const GROUPS = Math.ceil(SHOPPERS / (SIZE - 1));
const CONNECTIONS = 20;
const MERCHANT = {
  phone: process.env.ADMIN_PHONE ?? "13800000000",
  password: process.env.ADMIN_PASSWORD ?? "merchant-demo-pass",
};
const CONTACT = { name: "压测", phone: "13912345678", address: "上海市浦东新区世纪大道100号" };
const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI";

const loadAtStart = os.loadavg()[0];
console.log("starting a fresh local store…");
const store = await startFreshStore({
  prefix: "bench-groups",
  ports: envPorts() ?? [8814, 8815, 8816, 8817, 8818, 8819],
  inspectorPorts: envPorts() ? undefined : [9814, 9815, 9816, 9817, 9818, 9819],
  logFile: ".wrangler/bench-groups.log",
});
process.on("SIGINT", () => store.stop().then(() => process.exit(130)));

const client = benchClient(store.url, { "user-agent": PHONE_UA });
/** A JSON call as a shopper; an order carries an Idempotency-Key of its own. */
const api = (path, opts = {}) =>
  client.api(path, {
    ...opts,
    headers: opts.body && path === "/api/orders" ? { "idempotency-key": crypto.randomUUID() } : {},
  });
/** Signed-up shoppers' session cookies, each from an address of their own. */
const shoppers = (n, prefix) => client.signUps(n, prefix, (i) => `拼友${i}`);

async function openGroup(cookie, productId) {
  const placed = await api("/api/orders", {
    cookie,
    body: { items: [{ product_id: productId, quantity: 1 }], contact: CONTACT, open_group: true },
  });
  if (placed.status !== 201) throw new Error(`opening a group: ${placed.status} ${JSON.stringify(placed.body)}`);
  await api(`/api/orders/${placed.body.order.id}/pay`, { cookie, method: "POST" });
  return placed.body.group.id;
}

/** A read of one group by the same number of requests: the reference the joins compare with in this run. */
const readAll = (name, path, count) =>
  runLoad(name, {
    url: `${store.url}${path}`,
    connections: CONNECTIONS,
    amount: count,
    headers: { "user-agent": PHONE_UA },
  });

/** Each shopper POSTs one join at once (CONNECTIONS at a time); `groupOf(n)` is shopper n's group. */
function joinAll(name, productId, cookies, groupOf) {
  let i = 0;
  return runLoad(name, {
    url: store.url,
    connections: CONNECTIONS,
    amount: cookies.length,
    method: "POST",
    requests: [
      {
        setupRequest: (req) => {
          const n = i++;
          return {
            ...req,
            path: "/api/orders",
            headers: {
              ...req.headers,
              "content-type": "application/json",
              "user-agent": PHONE_UA,
              origin: store.url,
              ...client.as(cookies[n]),
              "idempotency-key": `bench-${n}-${Date.now()}`,
            },
            body: JSON.stringify({
              items: [{ product_id: productId, quantity: 1 }],
              contact: CONTACT,
              group_id: groupOf(n),
            }),
          };
        },
      },
    ],
  });
}

const statuses = (codes) =>
  Object.entries(codes)
    .map(([code, s]) => `${code}×${s.count}`)
    .join(" ");

const merchant = await api("/api/auth/login", { body: MERCHANT });
const product = async (title) =>
  (
    await api("/api/admin/products", {
      cookie: merchant.cookie,
      body: {
        title,
        price_cents: 9900,
        stock: 100_000,
        group: { size: SIZE, price_cents: 5900, hours: 24, per_user_limit: 5 },
      },
    })
  ).body.product;

console.log(`signing up ${SHOPPERS + GROUPS + 1} shoppers…`);
const joiners = await shoppers(SHOPPERS, "36");
const leaders = await shoppers(GROUPS + 1, "35");

/** What a group holds now, as the API shows it, and its orders as the database holds them. */
async function seatsOf(groupId) {
  const { group } = (await api(`/api/groups/${groupId}`)).body;
  return { members: group.members.length, seatsLeft: group.seats_left, size: group.size };
}

// 1. one hot group: every shopper at once for its 9 free seats
const hot = await product("压测拼团：一个热门团");
const hotGroup = await openGroup(leaders[GROUPS], hot.id);
console.log(`${SHOPPERS} shoppers join one group of ${SIZE}…`);
const hotRun = await joinAll(`${SHOPPERS} shoppers join one group of ${SIZE} at once`, hot.id, joiners, () => hotGroup);
const hotSeats = await seatsOf(hotGroup);
const readRun = await readAll(
  `${SHOPPERS} reads of that group, GET /api/groups/:id (reference)`,
  `/api/groups/${hotGroup}`,
  SHOPPERS,
);
const hotStock = (await api(`/api/products/${hot.id}`)).body.product.stock;

// 2. the same shoppers spread over groups with a seat for each
const spread = await product("压测拼团：多个团");
const spreadGroups = [];
for (let g = 0; g < GROUPS; g++) spreadGroups.push(await openGroup(leaders[g], spread.id));
console.log(`${SHOPPERS} shoppers join ${GROUPS} groups of ${SIZE}…`);
const spreadRun = await joinAll(
  `${SHOPPERS} shoppers join ${GROUPS} groups of ${SIZE}`,
  spread.id,
  joiners,
  (n) => spreadGroups[n % GROUPS],
);
const spreadSeats = await Promise.all(spreadGroups.map(seatsOf));

// 3. page weight, in Chromium: a shared group page as a friend first sees it, and its product page
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
const weights = {
  group: await pageWeight(context, `${store.url}/g/${spreadGroups[0]}`),
  groupProduct: await pageWeight(context, `${store.url}/p/${spread.id}`),
  plainProduct: await pageWeight(context, `${store.url}/p/1`),
};
await browser.close();
await store.stop();

// exactly the free seats: the hot group full with SIZE, the spread groups holding every joiner they had room for
const hotOk = hotSeats.members === SIZE && hotSeats.seatsLeft === 0 && hotRun.codes[201]?.count === SIZE - 1;
const spreadTaken = spreadSeats.reduce((n, s) => n + s.members, 0);
const spreadOk =
  spreadSeats.every((s) => s.members <= SIZE) && spreadTaken === Math.min(GROUPS * SIZE, GROUPS + SHOPPERS);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const machine = `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, wrangler ${spawnSync(
  "wrangler",
  ["--version"],
  { env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
)
  .stdout?.toString()
  .trim()}`;
const row = (r, seats) =>
  `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${statuses(r.codes)} | ${seats} |`;

const section = `<!-- groups:start -->
## Joins on group buying (\`npm run bench:groups\`)

Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}.
A fresh local store (\`wrangler dev\` over a local D1, \`scripts/fresh-store.mjs\`); ${SHOPPERS} signed-in shoppers
each send one join (\`POST /api/orders\` with \`group_id\`, its own Idempotency-Key) through autocannon with
${CONNECTIONS} connections, all at once. Each group of ${SIZE} was opened and paid by its leader first, so it has
${SIZE - 1} free seats. The load generator shares the 2 cores with workerd, and other work on the machine
shows (1-minute load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end): absolute numbers are low
and drift; the read of the same group in the same run is the reference.

| request | req/s | p50 ms | p99 ms | statuses | seats taken |
| --- | ---: | ---: | ---: | --- | --- |
${row(hotRun, `${hotSeats.members} of ${SIZE} (${hotOk ? "exactly the size" : "**WRONG**"}); stock down by ${100_000 - hotStock}`)}
${row(spreadRun, `${spreadTaken} in ${GROUPS} groups, none over ${SIZE} (${spreadOk ? "exactly the free seats" : "**WRONG**"})`)}
${row(readRun, "")}

Every refusal is \`409 group_full\`: the seat is taken by one statement in the order's batch that
recounts the group's orders (\`db/group-seats.ts\`), and the \`groups_seats_within_size\` CHECK aborts
the whole order when it would pass the size. A refused join writes nothing (no order, no stock) and
costs what a read does, as the first and last rows show. A join that takes a seat writes one batch
(key, order, item, seat, stock), and writes to the one local SQLite wait on each other: its ratio to
the read is about \`npm run bench\`'s check-in (a write) to its product page (a read). Every statement
of the path searches an index (\`orders_group_idx\` for the seat count, \`orders_user_idx\` for the
shopper's groups).

Page weight in Chromium, gzipped, everything but pictures (\`scripts/page-weight.mjs\`, as \`npm run bench\`
measures the product page): the group page \`/g/:id\` as a friend from a chat first sees it
**${kb(weights.group.gz)}** (goal ≤ 14 KB); a product page with a group deal (its list of groups to join read
by an island) ${kb(weights.groupProduct.gz)}; the flash-sale product page \`/p/1\` ${kb(weights.plainProduct.gz)}.

| part of the group page | raw | gzipped |
| --- | ---: | ---: |
${weights.group.parts.map((p) => `| ${p.name} | ${kb(p.raw)} | ${kb(p.gz)} |`).join("\n")}
| **total** | | **${kb(weights.group.gz)}** |
<!-- groups:end -->`;

const file = existsSync("BENCHMARKS.md") ? readFileSync("BENCHMARKS.md", "utf8") : "# Benchmarks\n";
const next = file.includes("<!-- groups:start -->")
  ? file.replace(/<!-- groups:start -->[\s\S]*<!-- groups:end -->/, section)
  : `${file.trimEnd()}\n\n${section}\n`;
writeFileSync("BENCHMARKS.md", next);
console.log(section);
if (!hotOk || !spreadOk) {
  console.error("seats were over- or under-filled: see the table above");
  process.exit(1);
}
