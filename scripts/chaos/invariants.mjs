// The invariants a crash must not break, checked with SQL against the stopped store's local D1
// (opened read-only) and against what the store acknowledged during the run.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

const SHOWN_FAILURES = 5;
const HELD = `(o.status IN ('pending', 'paid', 'shipped', 'completed') OR (o.status IN ('cancelled', 'refunded') AND o.stock_released = 0))`;
/** An order that must have given its stock back, once: cancelled, or refunded before it shipped. */
const RELEASES = `(status = 'cancelled' OR (status = 'refunded' AND shipped_at IS NULL))`;

/** The D1 database file miniflare keeps under the persist directory. */
export function openD1(persistTo) {
  const dir = join(persistTo, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = readdirSync(dir).find((f) => /^[0-9a-f]{64}\.sqlite$/.test(f));
  if (!file) throw new Error(`no D1 database under ${dir}`);
  return new DatabaseSync(join(dir, file), { readOnly: true });
}

/** One invariant's verdict: what was checked (counts) and the first few violations. */
function verdict(name, counts, failures) {
  return {
    name,
    ok: failures.length === 0,
    counts,
    failures: failures.slice(0, SHOWN_FAILURES),
    failed: failures.length,
  };
}

const groupBy = (rows, key) => {
  const map = new Map();
  for (const row of rows) map.set(row[key], [...(map.get(row[key]) ?? []), row]);
  return map;
};

/**
 * Stock: today's stock plus the units orders still hold is the starting stock. Placing an order takes
 * stock; cancelling gives it back once (stock_released), and so does refunding an order that was never
 * shipped; a refund after shipping does not (the goods left the shelf). The same for sale stock.
 */
function stockBalances(db, world) {
  const rows = db
    .prepare(
      `SELECT p.id, p.stock, p.flash_stock,
         coalesce(sum(CASE WHEN ${HELD} THEN oi.quantity END), 0) AS held,
         coalesce(sum(CASE WHEN ${HELD} AND oi.from_flash_stock = 1 THEN oi.quantity END), 0) AS flash_held,
         coalesce(sum(CASE WHEN o.status IN ('cancelled', 'refunded') AND o.stock_released = 1 THEN oi.quantity END), 0) AS released
       FROM products p LEFT JOIN order_items oi ON oi.product_id = p.id LEFT JOIN orders o ON o.id = oi.order_id
       GROUP BY p.id`,
    )
    .all();
  const failures = [];
  let held = 0;
  let released = 0;
  for (const r of rows) {
    const start = world.start.get(r.id);
    if (!start) continue;
    held += r.held;
    released += r.released;
    if (r.stock + r.held !== start.stock)
      failures.push(`product ${r.id}: stock ${r.stock} + held ${r.held} ≠ starting ${start.stock}`);
    if (start.flash_stock !== null && r.flash_stock + r.flash_held !== start.flash_stock) {
      failures.push(
        `product ${r.id}: flash stock ${r.flash_stock} + held ${r.flash_held} ≠ starting ${start.flash_stock}`,
      );
    }
  }
  const flags = db
    .prepare(`SELECT id, status, stock_released FROM orders WHERE ${RELEASES} <> (stock_released = 1)`)
    .all();
  for (const o of flags) failures.push(`order ${o.id} is ${o.status} with stock_released = ${o.stock_released}`);
  const counts = `${world.start.size} products; ${held} units held by orders, ${released} released by cancels and refunds`;
  return verdict("1. stock + units held = starting stock", counts, failures);
}

/** Wallets: the balance is the ledger's sum, never negative at any row, and what /api/me said. */
function walletBalances(db, world) {
  const rows = db.prepare(`SELECT id, user_id, amount_cents, kind FROM wallet_ledger ORDER BY id`).all();
  const running = new Map();
  const failures = [];
  for (const r of rows) {
    const balance = (running.get(r.user_id) ?? 0) + r.amount_cents;
    running.set(r.user_id, balance);
    if (balance < 0) failures.push(`user ${r.user_id} went to ${balance} at ledger row ${r.id} (${r.kind})`);
  }
  for (const person of world.people) {
    const sum = running.get(person.userId) ?? 0;
    if (person.meWallet !== sum)
      failures.push(`user ${person.userId}: /api/me says ${person.meWallet}, ledger sums to ${sum}`);
  }
  const cash = db
    .prepare(
      `SELECT c.user_id, c.n, c.cents, coalesce(l.n, 0) AS ledger_n, coalesce(l.cents, 0) AS ledger_cents
       FROM (SELECT user_id, count(*) AS n, sum(credited_cents) AS cents FROM checkins GROUP BY user_id) c
       LEFT JOIN (SELECT user_id, count(*) AS n, sum(amount_cents) AS cents FROM wallet_ledger WHERE kind = 'checkin' GROUP BY user_id) l
         ON l.user_id = c.user_id`,
    )
    .all();
  for (const c of cash) {
    if (c.n !== c.ledger_n || c.cents !== c.ledger_cents) {
      failures.push(
        `user ${c.user_id}: ${c.n} check-ins for ${c.cents} but ${c.ledger_n} ledger rows for ${c.ledger_cents}`,
      );
    }
  }
  const orphanCash = db
    .prepare(
      `SELECT count(*) AS n FROM wallet_ledger l WHERE kind = 'checkin' AND NOT EXISTS (SELECT 1 FROM checkins c WHERE c.user_id = l.user_id)`,
    )
    .get().n;
  if (orphanCash > 0) failures.push(`${orphanCash} check-in credits without a check-in`);
  const total = [...running.values()].reduce((a, b) => a + b, 0);
  const counts = `${world.people.length} wallets = /api/me, ${rows.length} ledger rows, ${cash.length} check-in users, ${total} cents held`;
  return verdict("2. wallet = sum(ledger) ≥ 0 at every row, = /api/me", counts, failures);
}

/** What an order's payment accrues: per item floor(paid × bp / 10000), level 2 to the distributor's recruiter. */
function expectedShares(order, items, recruiterOf) {
  if (order.distributor_user_id === null || order.distributor_user_id === order.user_id) return [];
  const share = (bp) => items.reduce((n, i) => n + Math.floor((i.unit_price_cents * i.quantity * i[bp]) / 10_000), 0);
  const shares = [];
  const l1 = share("commission_bp");
  const l2 = share("commission_l2_bp");
  const recruiter = recruiterOf.get(order.distributor_user_id) ?? null;
  if (l1 > 0) shares.push({ level: 1, who: order.distributor_user_id, amount: l1 });
  if (recruiter !== null && recruiter !== order.distributor_user_id && l2 > 0)
    shares.push({ level: 2, who: recruiter, amount: l2 });
  return shares;
}

function commissionProblems(order, shares, entries) {
  const sold = ["paid", "shipped", "completed"].includes(order.status);
  if (!sold && order.status !== "refunded")
    return entries.length ? [`${order.status} order ${order.id} has ${entries.length} commission entries`] : [];
  const problems = [];
  const levels = new Set(entries.map((e) => e.level));
  for (const level of levels) {
    if (!shares.some((s) => s.level === level))
      problems.push(`order ${order.id} has level-${level} entries it should not`);
  }
  for (const s of shares) {
    const mine = entries.filter((e) => e.level === s.level);
    const accrued = mine.filter((e) => e.event === "accrue");
    const sum = (buckets) => mine.filter((e) => buckets.includes(e.bucket)).reduce((n, e) => n + e.amount_cents, 0);
    if (accrued.length !== 1 || accrued[0].amount_cents !== s.amount || accrued[0].bucket !== "pending") {
      problems.push(
        `order ${order.id} level ${s.level}: accrued ${JSON.stringify(accrued.map((e) => e.amount_cents))}, expected [${s.amount}]`,
      );
    }
    if (mine.some((e) => e.distributor_user_id !== s.who))
      problems.push(`order ${order.id} level ${s.level}: credited to the wrong user`);
    const live = sum(["pending", "available"]);
    const reversed = sum(["reversed"]);
    const want = order.status === "refunded" ? { live: 0, reversed: s.amount } : { live: s.amount, reversed: 0 };
    if (live !== want.live || reversed !== want.reversed) {
      problems.push(
        `${order.status} order ${order.id} level ${s.level}: pending+available ${live}, reversed ${reversed}; expected ${want.live}, ${want.reversed}`,
      );
    }
  }
  return problems;
}

/** Commission: each paid order exactly the entries its attribution implies; refunded ones fully reversed; others none. */
function commissions(db, world) {
  const orders = db.prepare(`SELECT id, status, user_id, distributor_user_id, referrer_code FROM orders`).all();
  const items = groupBy(db.prepare(`SELECT * FROM order_items`).all(), "order_id");
  const ledger = groupBy(db.prepare(`SELECT * FROM commission_ledger`).all(), "order_id");
  const recruiterOf = new Map(
    db
      .prepare(`SELECT user_id, recruiter_user_id FROM distributors`)
      .all()
      .map((d) => [d.user_id, d.recruiter_user_id]),
  );
  const failures = [];
  let entries = 0;
  let withShares = 0;
  for (const order of orders) {
    const shares = expectedShares(order, items.get(order.id) ?? [], recruiterOf);
    if (shares.length && ["paid", "shipped", "completed", "refunded"].includes(order.status)) withShares += 1;
    entries += (ledger.get(order.id) ?? []).length;
    failures.push(...commissionProblems(order, shares, ledger.get(order.id) ?? []));
    failures.push(...attributionProblems(world, order));
  }
  const known = new Set(orders.map((o) => o.id));
  for (const id of ledger.keys()) if (!known.has(id)) failures.push(`commission entries for missing order ${id}`);
  const counts = `${orders.length} orders (${withShares} paid with commission), ${entries} ledger entries, attribution as clicked`;
  return verdict("3. commission entries = attribution (reversed on refund)", counts, failures);
}

/** The order credits the distributor of the buyer's last click, unless that is the buyer. */
function attributionProblems(world, order) {
  const known = world.orders.get(order.id);
  if (!known) return [];
  const code = known.owner.lastLink;
  const owner = code ? world.linkOwner.get(code) : null;
  const expected = owner && owner !== known.owner.userId ? owner : null;
  return order.distributor_user_id === expected && (order.referrer_code ?? null) === (expected ? code : null)
    ? []
    : [
        `order ${order.id} credits ${order.distributor_user_id} (${order.referrer_code}); the buyer's last click says ${expected} (${code})`,
      ];
}

/** Orders: none without items, and their sums add up. */
function orderShapes(db) {
  const empty = db
    .prepare(`SELECT o.id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)`)
    .all();
  const sums = db
    .prepare(
      `SELECT o.id, o.subtotal_cents, o.wallet_cents, o.total_cents, sum(i.unit_price_cents * i.quantity) AS items
       FROM orders o JOIN order_items i ON i.order_id = o.id GROUP BY o.id
       HAVING items <> o.subtotal_cents OR o.total_cents <> o.subtotal_cents - o.wallet_cents OR o.wallet_cents < 0 OR o.total_cents < 0`,
    )
    .all();
  const orphans = db
    .prepare(
      `SELECT count(*) AS n FROM order_items i WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = i.order_id)`,
    )
    .get().n;
  const failures = [
    ...empty.map((o) => `order ${o.id} has no items`),
    ...sums.map(
      (o) =>
        `order ${o.id}: items ${o.items}, subtotal ${o.subtotal_cents}, wallet ${o.wallet_cents}, total ${o.total_cents}`,
    ),
    ...(orphans ? [`${orphans} items without an order`] : []),
  ];
  const n = db
    .prepare(`SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_items) AS items`)
    .get();
  return verdict("4. no order without items; sums add up", `${n.orders} orders, ${n.items} items`, failures);
}

/** Bargains: every help took the planned cut at its place, and the bargain moved by exactly the cuts. */
function bargainCuts(db) {
  const bargains = db.prepare(`SELECT * FROM bargains`).all();
  const helps = groupBy(db.prepare(`SELECT * FROM bargain_helps ORDER BY seq`).all(), "bargain_id");
  const failures = [];
  let helpCount = 0;
  for (const b of bargains) {
    const plan = JSON.parse(b.cuts_cents);
    const mine = helps.get(b.id) ?? [];
    helpCount += mine.length;
    mine.forEach((h, i) => {
      if (h.seq !== i + 1) failures.push(`bargain ${b.id}: help ${i + 1} has seq ${h.seq}`);
      if (h.cut_cents !== plan[h.seq - 1] || !(h.cut_cents > 0))
        failures.push(`bargain ${b.id} seq ${h.seq}: cut ${h.cut_cents}, planned ${plan[h.seq - 1]}`);
      if (h.helper_user_id === b.user_id) failures.push(`bargain ${b.id}: the starter helped`);
    });
    const cut = mine.reduce((n, h) => n + h.cut_cents, 0);
    if (b.helper_count !== mine.length)
      failures.push(`bargain ${b.id}: helper_count ${b.helper_count}, ${mine.length} helps`);
    if (b.current_cents !== b.price_cents - cut)
      failures.push(`bargain ${b.id}: current ${b.current_cents} ≠ ${b.price_cents} − ${cut}`);
  }
  const overLimit = db
    .prepare(`SELECT helper_user_id, day, count(*) AS n FROM bargain_helps GROUP BY helper_user_id, day HAVING n > 5`)
    .all();
  failures.push(...overLimit.map((r) => `user ${r.helper_user_id} helped ${r.n} times on ${r.day}`));
  const buys = db
    .prepare(
      `SELECT o.id, o.user_id, o.status, b.user_id AS starter, b.helper_count, b.helpers_needed, b.floor_cents, i.unit_price_cents, i.quantity
       FROM orders o JOIN bargains b ON b.id = o.bargain_id JOIN order_items i ON i.order_id = o.id`,
    )
    .all();
  for (const o of buys) {
    if (
      o.user_id !== o.starter ||
      o.helper_count !== o.helpers_needed ||
      o.unit_price_cents !== o.floor_cents ||
      o.quantity !== 1
    ) {
      failures.push(
        `bargain order ${o.id}: buyer ${o.user_id}/${o.starter}, helpers ${o.helper_count}/${o.helpers_needed}, price ${o.unit_price_cents}/${o.floor_cents}`,
      );
    }
  }
  const twice = db
    .prepare(
      `SELECT bargain_id, count(*) AS n FROM orders WHERE bargain_id IS NOT NULL AND status <> 'cancelled' GROUP BY bargain_id HAVING n > 1`,
    )
    .all();
  failures.push(...twice.map((r) => `bargain ${r.bargain_id} bought ${r.n} times`));
  const counts = `${bargains.length} bargains, ${helpCount} helps, ${buys.length} bought at the floor`;
  return verdict("5. every help = its planned cut; bargain = price − cuts", counts, failures);
}

/** Idempotency: one order per key, the one every answer to that key named; no order the client never heard of. */
function idempotency(db, world) {
  const rows = db
    .prepare(
      `SELECT o.id, count(k.key) AS keys FROM orders o LEFT JOIN idempotency_keys k ON k.order_id = o.id GROUP BY o.id`,
    )
    .all();
  const failures = rows.filter((r) => r.keys !== 1).map((r) => `order ${r.id} has ${r.keys} idempotency keys`);
  const byKey = new Map(
    db
      .prepare(`SELECT key, order_id FROM idempotency_keys`)
      .all()
      .map((k) => [k.key, k.order_id]),
  );
  let answered = 0;
  for (const entry of world.keys.values()) {
    const named = new Set(entry.answers.map((a) => a.orderId).filter(Boolean));
    if (named.size > 1) failures.push(`key ${entry.key} was answered with orders ${[...named].join(", ")}`);
    if (named.size === 1) {
      answered += 1;
      const [id] = named;
      if (byKey.get(entry.key) !== id)
        failures.push(`key ${entry.key} named order ${id}; the database says ${byKey.get(entry.key)}`);
    } else if (byKey.has(entry.key)) {
      failures.push(
        `key ${entry.key} got no order (${entry.answers.map((a) => a.status).join(", ")}) yet order ${byKey.get(entry.key)} exists`,
      );
    }
  }
  if (rows.length !== answered)
    failures.push(`${rows.length} orders in the database, ${answered} keys answered with one`);
  const reused = world.reuse.filter((r) => r.status !== 0);
  for (const r of reused.filter((x) => x.status !== 422 || x.code !== "idempotency_key_reused"))
    failures.push(`key ${r.key} with another body was answered ${r.status} ${r.code ?? r.orderId}`);
  return verdict(
    "6. one order per idempotency key; another body under it is 422",
    `${world.keys.size} keys sent, ${answered} answered with an order, ${rows.length} orders; ${reused.length} reuses refused`,
    failures,
  );
}

/** Wallet cash an order spent: one spend row; back exactly once when the order is cancelled or refunded. */
function walletVsOrders(db) {
  const orders = db.prepare(`SELECT id, user_id, status, wallet_cents FROM orders`).all();
  const rows = groupBy(db.prepare(`SELECT * FROM wallet_ledger WHERE order_id IS NOT NULL`).all(), "order_id");
  const failures = [];
  let spent = 0;
  let returned = 0;
  for (const o of orders) {
    const mine = rows.get(o.id) ?? [];
    rows.delete(o.id);
    const spends = mine.filter((r) => r.kind === "spend");
    const refunds = mine.filter((r) => r.kind === "refund");
    const back = ["cancelled", "refunded"].includes(o.status);
    const wantSpends = o.wallet_cents > 0 ? 1 : 0;
    const wantRefunds = o.wallet_cents > 0 && back ? 1 : 0;
    spent += spends.length;
    returned += refunds.length;
    if (
      spends.length !== wantSpends ||
      refunds.length !== wantRefunds ||
      mine.length !== spends.length + refunds.length
    ) {
      failures.push(
        `${o.status} order ${o.id} with wallet ${o.wallet_cents}: ${spends.length} spend and ${refunds.length} refund rows`,
      );
      continue;
    }
    if (spends.some((r) => r.amount_cents !== -o.wallet_cents || r.user_id !== o.user_id))
      failures.push(`order ${o.id}: spend row ≠ −${o.wallet_cents}`);
    if (refunds.some((r) => r.amount_cents !== o.wallet_cents || r.user_id !== o.user_id))
      failures.push(`order ${o.id}: refund row ≠ +${o.wallet_cents}`);
  }
  for (const id of rows.keys()) failures.push(`wallet rows for missing order ${id}`);
  return verdict(
    "7. wallet spend/refund rows match order statuses",
    `${spent} spends, ${returned} given back`,
    failures,
  );
}

/** Nothing acknowledged was lost: every answered order, payment, move, check-in and help is in the database. */
function acknowledgedWrites(db, world) {
  const status = new Map(
    db
      .prepare(`SELECT id, status FROM orders`)
      .all()
      .map((o) => [o.id, o.status]),
  );
  const failures = [];
  const after = {
    pay: ["paid", "shipped", "completed", "refunded"],
    ship: ["shipped", "completed", "refunded"],
    complete: ["completed", "refunded"],
    refund: ["refunded"],
  };
  for (const id of world.orders.keys()) if (!status.has(id)) failures.push(`acknowledged order ${id} is gone`);
  for (const [action, allowed] of Object.entries(after)) {
    for (const id of world.acks[action]) {
      if (!allowed.includes(status.get(id)))
        failures.push(`${action} of ${id} was acknowledged; the order is ${status.get(id)}`);
    }
  }
  const checkins = new Map(
    db
      .prepare(`SELECT user_id, sum(credited_cents) AS cents FROM checkins GROUP BY user_id`)
      .all()
      .map((c) => [c.user_id, c.cents]),
  );
  for (const [userId, cents] of world.checkins) {
    if (checkins.get(userId) !== cents)
      failures.push(`check-in of user ${userId} (${cents}) was acknowledged; found ${checkins.get(userId)}`);
  }
  const help = db.prepare(`SELECT cut_cents FROM bargain_helps WHERE bargain_id = ? AND helper_user_id = ?`);
  for (const h of world.acks.helps) {
    if (help.get(h.bargainId, h.userId)?.cut_cents !== h.cut)
      failures.push(`help of ${h.userId} on ${h.bargainId} (cut ${h.cut}) is gone`);
  }
  const a = world.acks;
  const counts = `${world.orders.size} orders, ${a.pay.size} payments, ${a.ship.size + a.complete.size} ships/completes, ${a.refund.size} refunds, ${world.checkins.size} check-ins, ${a.helps.length} helps`;
  return verdict("8. every acknowledged write survived", counts, failures);
}

export function checkInvariants(persistTo, world) {
  const db = openD1(persistTo);
  try {
    return [
      stockBalances,
      walletBalances,
      commissions,
      orderShapes,
      bargainCuts,
      idempotency,
      walletVsOrders,
      acknowledgedWrites,
    ].map((check) => check(db, world));
  } finally {
    db.close();
  }
}

/** The run's final tallies from the database. */
export function tallies(persistTo) {
  const db = openD1(persistTo);
  try {
    const byStatus = Object.fromEntries(
      db
        .prepare(`SELECT status, count(*) AS n FROM orders GROUP BY status ORDER BY status`)
        .all()
        .map((r) => [r.status, r.n]),
    );
    const matured = db
      .prepare(`SELECT count(*) AS n FROM commission_ledger WHERE event = 'mature' AND bucket = 'available'`)
      .get().n;
    const stock = db.prepare(`SELECT id, title, stock, flash_stock FROM products ORDER BY id`).all();
    return { byStatus, matured, stock };
  } finally {
    db.close();
  }
}
