// The chaos run's cast, made through the API as a real store would be: the merchant's products and
// settings, shoppers and distributors (some recruited), their clicks on share links, first check-ins.
import { randomInt } from "node:crypto";
import { Client } from "./traffic.mjs";

const MERCHANT = {
  phone: process.env.ADMIN_PHONE ?? "13800000000",
  password: process.env.ADMIN_PASSWORD ?? "merchant-demo-pass",
};
const PASSWORD = "chaos-monkey-pass";
const HOUR_MS = 3_600_000;

/** Limited stock on purpose: orders race for the last units while the store is being killed; tea lasts the run. */
export const PRODUCTS = {
  tea: { title: "混沌测试·茶", price_cents: 9900, stock: 1200 },
  soap: { title: "混沌测试·香皂", price_cents: 350, stock: 500, commission_bp: 1500, commission_l2_bp: 500 },
  flash: { title: "混沌测试·秒杀", price_cents: 5000, stock: 300 },
  bargain: { title: "混沌测试·砍价", price_cents: 2000, stock: 150, bargain: { floor_cents: 1, helpers: 3 } },
  odd: { title: "混沌测试·零头", price_cents: 1237, stock: 400, commission_bp: 777, commission_l2_bp: 333 },
};
/** The flash sale's own stock: it sells out first, and later buyers pay the list price. */
const FLASH_STOCK = 60;

/** A request that must succeed for the run to mean anything. */
export async function must(promise, what, ...ok) {
  const res = await promise;
  if (!(ok.length ? ok : [200, 201]).includes(res.status)) {
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** Runs `fn` over `items`, `limit` at a time. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

const usedPhones = new Set();
function newPhone() {
  for (;;) {
    const phone = `1${randomInt(3, 10)}${String(randomInt(0, 1e9)).padStart(9, "0")}`;
    if (phone !== MERCHANT.phone && !usedPhones.has(phone)) return usedPhones.add(phone) && phone;
  }
}

async function signInMerchant(traffic) {
  const merchant = new Client(traffic, "merchant");
  await must(
    merchant.post("setup", "/api/auth/login", { phone: MERCHANT.phone, password: MERCHANT.password }),
    "merchant login",
  );
  // unpaid orders expire within the run, so the cron's cancel (and its stock release) runs under fire too;
  // completed orders' commission matures at the next cron
  await must(
    merchant.request("setup", "/api/admin/settings", {
      method: "PATCH",
      body: { order_hold_minutes: 1, commission_maturity_days: 0 },
    }),
    "settings",
  );
  return merchant;
}

async function createProducts(merchant) {
  const now = Date.now();
  const flashSale = {
    price_cents: 1999,
    starts_at: new Date(now - HOUR_MS).toISOString(),
    ends_at: new Date(now + 2 * HOUR_MS).toISOString(),
    stock: FLASH_STOCK,
  };
  const products = {};
  for (const [name, fields] of Object.entries(PRODUCTS)) {
    const body = { ...fields, ...(name === "flash" ? { flash_sale: flashSale } : {}) };
    products[name] = (await must(merchant.post("setup", "/api/admin/products", body), `create ${name}`)).product;
  }
  return products;
}

async function signUp(traffic, nickname) {
  const client = new Client(traffic, nickname);
  const phone = newPhone();
  const body = await must(client.post("setup", "/api/auth/signup", { phone, password: PASSWORD, nickname }), "signup");
  return { client, userId: body.user.id, nickname, links: {}, recruiterUserId: null, lastLink: null };
}

/** Three top distributors, three recruited by them (level 2), each with links to every product and the store. */
async function makeDistributors(traffic, products, n) {
  const people = await mapLimit(
    Array.from({ length: n }, (_, i) => `分销${i + 1}`),
    6,
    (name) => signUp(traffic, name),
  );
  for (const [i, d] of people.entries()) {
    const recruiter = i >= 3 ? people[i - 3] : null;
    const body = recruiter ? { invite_code: recruiter.code } : {};
    d.code = (await must(d.client.post("setup", "/api/distributor", body), "become distributor")).distributor.code;
    d.recruiterUserId = recruiter?.userId ?? null;
    for (const p of [...Object.values(products), null]) {
      const link = (await must(d.client.post("setup", "/api/links", { product_id: p?.id ?? null }), "link")).link;
      d.links[p?.id ?? "store"] = link.code;
    }
  }
  return people;
}

/** A tap on a share link from a chat: the last one clicked is whom the next order credits. */
async function click(person, code) {
  await must(person.client.request("setup", `/s/${code}`), `click ${code}`, 302);
  person.lastLink = code;
}

/** Most people come through links, some through two (last click wins), a distributor through their own. */
async function clickLinks(everyone, distributors) {
  await mapLimit(everyone, 8, async (person, i) => {
    if (i % 4 === 3) return; // came straight to the store
    const pick = () => distributors[randomInt(distributors.length)];
    const target = (d) => Object.values(d.links)[randomInt(Object.keys(d.links).length)];
    const first = person.code ? person : pick(); // a distributor's first click is their own link
    await click(person, target(first));
    if (i % 3 === 0) await click(person, target(pick()));
  });
}

/** Guests order without an account; a first page view gives them the visitor cookie their keys live under. */
async function makeGuests(traffic, n) {
  return mapLimit(
    Array.from({ length: n }, (_, i) => `游客${i + 1}`),
    4,
    async (name) => {
      const guest = {
        client: new Client(traffic, name),
        userId: null,
        nickname: name,
        links: {},
        lastLink: null,
        guest: true,
      };
      await must(guest.client.request("setup", "/"), "guest page view");
      return guest;
    },
  );
}

async function startingStock(merchant) {
  const { products } = await must(merchant.request("setup", "/api/products"), "products");
  return new Map(products.map((p) => [p.id, { stock: p.stock, flash_stock: p.flash_sale?.stock ?? null }]));
}

/**
 * @returns the world the load acts on and the invariants are checked against
 */
export async function setUp(traffic, { shoppers, distributors, guests }) {
  const merchant = await signInMerchant(traffic);
  const products = await createProducts(merchant);
  const start = await startingStock(merchant);
  const team = await makeDistributors(traffic, products, distributors);
  const crowd = await mapLimit(
    Array.from({ length: shoppers }, (_, i) => `顾客${i + 1}`),
    6,
    (name) => signUp(traffic, name),
  );
  const visitors = await makeGuests(traffic, guests);
  await clickLinks([...team, ...crowd, ...visitors], team);
  const people = [...team, ...crowd];
  const world = {
    merchant,
    products,
    start,
    people,
    guests: visitors,
    linkOwner: new Map(team.flatMap((d) => Object.values(d.links).map((code) => [code, d.userId]))),
    orders: new Map(),
    keys: new Map(),
    bargains: new Map(),
    checkins: new Map(),
    acks: { pay: new Set(), ship: new Set(), complete: new Set(), refund: new Set(), helps: [] },
  };
  // half the wallets have cash before the load starts; the other half check in under it
  await mapLimit(
    people.filter((_, i) => i % 2 === 0),
    8,
    (p) => checkIn(world, p),
  );
  return world;
}

/** Today's check-in; the cash lands in the wallet. Acknowledged ones are kept to find after the crashes. */
export async function checkIn(world, person) {
  const res = await person.client.post("checkin", "/api/checkin");
  if (res.status === 200) world.checkins.set(person.userId, res.body.credited_cents);
  return res;
}
