// The chaos run's load: shoppers ordering, paying, checking in and bargaining, guests buying, the
// merchant shipping and refunding, the cron sweeping, all at once. Every answer is remembered, so
// what the store acknowledged can be looked for after the crashes.
import { randomInt, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { checkIn } from "./setup.mjs";

const CONTACT = { name: "混沌测试", phone: "13912345678", address: "上海市浦东新区世纪大道100号" };
const CRON_EVERY_MS = 2_000;
const HELPS_PER_DAY = 5;
const THINK_MS = 40;

const pick = (list) => (list.length ? list[randomInt(list.length)] : undefined);
const chance = (p) => Math.random() < p;

/** One to two products of the shelf, one or two units each; signed-in buyers sometimes spend wallet cash. */
function orderBody(world, person) {
  const shelf = Object.values(world.products);
  const first = pick(shelf);
  const second = chance(0.25) ? pick(shelf.filter((p) => p.id !== first.id)) : null;
  const items = [first, second].filter(Boolean).map((p) => ({ product_id: p.id, quantity: chance(0.7) ? 1 : 2 }));
  const body = { items, contact: CONTACT };
  if (!person.guest && chance(0.4)) {
    // list prices: a flash unit costs less, so this may ask more than the total and be refused, which is fine too
    const listTotal = items.reduce((n, i) => n + shelf.find((p) => p.id === i.product_id).price_cents * i.quantity, 0);
    body.wallet_cents = chance(0.3) ? Math.min(listTotal, 450) : randomInt(1, Math.min(listTotal, 450) + 1);
  }
  return body;
}

/** Places an order under a fresh key; an attempt a crash cut is sent again with the same key. */
async function placeOrder(world, person, body = orderBody(world, person)) {
  const key = randomUUID();
  const res = await person.client.post("order", "/api/orders", body, { "idempotency-key": key });
  const entry = { key, owner: person, body, answers: [], cut: res.cut };
  world.keys.set(key, entry);
  noteOrderAnswer(world, entry, res);
  return res;
}

function noteOrderAnswer(world, entry, res) {
  const orderId = res.body?.order?.id ?? null;
  entry.answers.push({ status: res.status, orderId, cut: res.cut });
  if (![200, 201].includes(res.status) || world.orders.has(orderId)) return;
  const order = {
    id: orderId,
    key: entry.key,
    owner: entry.owner,
    status: res.body.order.status,
    bargainId: entry.body.bargain_id ?? null,
  };
  world.orders.set(orderId, order);
  if (order.status === "pending") (entry.owner.pending ??= []).push(orderId);
}

async function payOrder(world, person, orderId) {
  // under a key, like the checkout page: a retry after a crash answers what the first payment did
  const res = await person.client.post("pay", `/api/orders/${orderId}/pay`, undefined, {
    "idempotency-key": randomUUID(),
  });
  person.pending = (person.pending ?? []).filter((id) => id !== orderId);
  if (res.status === 200 && res.body.order.status === "paid") {
    world.acks.pay.add(orderId);
    world.orders.get(orderId).status = "paid";
  }
  return res;
}

async function orderAndMaybePay(world, person) {
  const res = await placeOrder(world, person);
  // the rest stay unpaid for a while: paid later, or cancelled by the cron when their hold ends
  if ([200, 201].includes(res.status) && res.body.order.status === "pending" && chance(0.5)) {
    await payOrder(world, person, res.body.order.id);
  }
}

async function payLater(world, person) {
  const id = person.pending?.length ? pick(person.pending) : null;
  return id ? payOrder(world, person, id) : orderAndMaybePay(world, person);
}

/** The merchant moves an order along: ship, complete or refund, whatever the order's state allows. */
async function merchantMove(world, action) {
  const from = { ship: ["paid"], complete: ["shipped"], refund: ["paid", "shipped", "completed"] }[action];
  const candidates = [...world.orders.values()].filter((o) => from.includes(o.status));
  if (candidates.length === 0) return;
  const order = pick(candidates);
  const res = await world.merchant.post(action, `/api/admin/orders/${order.id}/${action}`, undefined, {
    "idempotency-key": randomUUID(),
  });
  if (res.status === 200) {
    world.acks[action].add(order.id);
    order.status = res.body.order.status;
  }
}

async function startBargain(world, person) {
  const res = await person.client.post("bargain", "/api/bargains", { product_id: world.products.bargain.id });
  if (![200, 201].includes(res.status)) return;
  const b = res.body.bargain;
  if (!world.bargains.has(b.id))
    world.bargains.set(b.id, {
      id: b.id,
      starter: person,
      needed: b.helpers_needed,
      helpers: new Set(),
      bought: false,
    });
}

/** A friend helps a live bargain; now and then a help the store must refuse (own, twice, over the limit). */
async function helpBargain(world, person) {
  const open = [...world.bargains.values()].filter((b) => b.helpers.size < b.needed);
  const fair = open.filter((b) => b.starter !== person && !b.helpers.has(person.userId));
  const bargain = chance(0.1) || fair.length === 0 ? pick([...world.bargains.values()]) : pick(fair);
  if (!bargain) return startBargain(world, person);
  if ((person.helps ?? 0) > HELPS_PER_DAY) return orderAndMaybePay(world, person);
  const res = await person.client.post("help", `/api/bargains/${bargain.id}/help`);
  if (res.status === 200) {
    world.acks.helps.push({ bargainId: bargain.id, userId: person.userId, cut: res.body.cut_cents });
    person.helps = (person.helps ?? 0) + 1;
    bargain.helpers.add(person.userId);
  } else if (res.body?.error?.code === "help_limit") {
    person.helps = HELPS_PER_DAY + 1;
  }
}

/** The starter of a finished bargain buys it at the floor price, and pays. */
async function buyBargain(world) {
  const done = [...world.bargains.values()].filter((b) => b.helpers.size >= b.needed && !b.bought);
  if (done.length === 0) return helpBargain(world, pick(world.people));
  const bargain = pick(done);
  bargain.bought = true;
  const body = {
    items: [{ product_id: world.products.bargain.id, quantity: 1 }],
    contact: CONTACT,
    bargain_id: bargain.id,
  };
  const res = await placeOrder(world, bargain.starter, body);
  if (res.status === 201 && res.body.order.status === "pending")
    await payOrder(world, bargain.starter, res.body.order.id);
}

/** The same key and body again: the store must answer the order it placed the first time. */
async function replayKey(world) {
  const answered = [...world.keys.values()].filter((k) => k.answers.some((a) => a.orderId));
  if (answered.length === 0) return;
  const entry = pick(answered);
  const res = await entry.owner.client.post("order-replay", "/api/orders", entry.body, {
    "idempotency-key": entry.key,
  });
  noteOrderAnswer(world, entry, res);
}

/** The same key with another body: API.md promises 422 idempotency_key_reused; what comes back is noted. */
async function reuseKey(world) {
  const answered = [...world.keys.values()].filter((k) => k.answers.some((a) => a.orderId));
  if (answered.length === 0) return;
  const entry = pick(answered);
  const other = { ...entry.body, contact: { ...CONTACT, name: "另一个人" } };
  const res = await entry.owner.client.post("order-reuse", "/api/orders", other, { "idempotency-key": entry.key });
  world.reuse.push({
    key: entry.key,
    status: res.status,
    code: res.body?.error?.code ?? null,
    orderId: res.body?.order?.id ?? null,
  });
}

const ACTIONS = [
  [20, (w) => orderAndMaybePay(w, pick(w.people))],
  [3, (w) => payLater(w, pick(w.people))],
  [6, (w) => checkIn(w, pick(w.people))],
  [4, (w) => startBargain(w, pick(w.people))],
  [10, (w) => helpBargain(w, pick(w.people))],
  [4, (w) => buyBargain(w)],
  [5, (w) => (chance(0.7) ? orderAndMaybePay(w, pick(w.guests)) : payLater(w, pick(w.guests)))],
  [2, (w) => merchantMove(w, "refund")],
  [3, (w) => merchantMove(w, "ship")],
  [2, (w) => merchantMove(w, "complete")],
  [3, (w) => replayKey(w)],
  [1, (w) => reuseKey(w)],
  [4, (w) => pick(w.people).client.request("me", "/api/me")],
  [10, (w) => pick([...w.people, ...w.guests]).client.request("page", `/p/${pick(Object.values(w.products)).id}`)],
];
const TOTAL_WEIGHT = ACTIONS.reduce((n, [w]) => n + w, 0);

function randomAction() {
  let roll = randomInt(TOTAL_WEIGHT);
  for (const [weight, action] of ACTIONS) {
    if ((roll -= weight) < 0) return action;
  }
}

/** The minute cron, run by hand: cancels expired holds and matures commission. */
async function cronLoop(world, running) {
  while (running.on) {
    await world.merchant.request("cron", "/cdn-cgi/local/scheduled");
    await sleep(CRON_EVERY_MS);
  }
}

/**
 * Starts `concurrency` lanes of mixed requests and the cron; they run until `stop()`.
 * @returns {{ failed: () => boolean, stop: () => Promise<void> }} stop() throws what broke a lane
 */
export function startLoad(world, concurrency) {
  world.reuse = [];
  const running = { on: true };
  const lane = async () => {
    try {
      while (running.on) {
        await randomAction()(world);
        // a moment between taps, so the number of requests in flight at a kill varies
        await sleep(randomInt(THINK_MS));
      }
    } catch (error) {
      // a bug in the load itself: stop everything rather than report a run that did not happen
      running.on = false;
      running.error ??= error;
    }
  };
  const lanes = [...Array.from({ length: concurrency }, lane), cronLoop(world, running)];
  return {
    failed: () => running.error !== undefined,
    async stop() {
      running.on = false;
      await Promise.all(lanes);
      if (running.error) throw running.error;
    },
  };
}
