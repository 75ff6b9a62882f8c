// Past traffic for a local store, written by SQLite itself (recursive CTEs, no rows shipped in SQL
// text): distributors with share links, visits, orders with items, and their commission ledger.
// The dashboard benchmark writes 1,000,000 visits with it; the admin browser test a month's worth.
// Deterministic: the same options give the same rows, spread more towards `now` (a growing store).

import { readdirSync, readFileSync } from "node:fs";

const DAY_MS = 86_400_000;
const MIGRATIONS = new URL("../migrations/", import.meta.url);
/** Ids far above what a demo store's own sign-ups reach, so history never collides with them. */
const FIRST_USER_ID = 100_000;
const NICKNAMES = [
  "小美",
  "阿杰",
  "王姐",
  "团长老李",
  "陈陈",
  "Tony",
  "佳佳",
  "宝妈小周",
  "大鹏",
  "琳达",
  "阿光",
  "小鱼",
];
/** Visits per statement: each one a D1 query of a few seconds at most. */
const VISIT_CHUNK = 200_000;

/** A pseudo-uniform number in [0, 1) from the row number x and a multiplier (prime modulus). */
const uniform = (x, mult) => `((((${x}) * ${mult}) % 1000003) / 1000003.0)`;
/** More rows near `now` than `span` ago: u² of the span, mixed with a little of u. */
const skewedAgo = (x, mult, spanMs) =>
  `CAST(${spanMs} * (0.65 * ${uniform(x, mult)} * ${uniform(x, mult)} + 0.35 * ${uniform(x, mult)}) AS INTEGER)`;
const rows = (from, count) =>
  `WITH RECURSIVE n(x) AS (SELECT ${from} UNION ALL SELECT x + 1 FROM n WHERE x < ${from + count - 1})`;

/**
 * The statement that counts stored visits into their rollup (`visit_days`): the last statement of
 * the migration that created it, found by what it inserts (migrations are renumbered at merge).
 */
export function rollupBackfillSql() {
  const file = readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith(".sql"))
    .find((f) => readFileSync(new URL(f, MIGRATIONS), "utf8").includes("INSERT INTO `visit_days`"));
  if (!file) throw new Error("no migration backfills visit_days");
  return readFileSync(new URL(file, MIGRATIONS), "utf8")
    .split("--> statement-breakpoint")
    .at(-1)
    .replace(/^--.*$/gm, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * @param {{ now: number, days: number, distributors: number, visits: number, orders: number, visitors?: number, rollups?: boolean }} o
 *   `rollups: false` leaves the visits uncounted in `visit_days` (the benchmark times that itself)
 * @returns {string[]} SQL statements, in order; run them on a migrated, seeded store (products exist)
 */
export function historySql({
  now,
  days,
  distributors,
  visits,
  orders,
  visitors = Math.ceil(visits / 3),
  rollups = true,
}) {
  const span = days * DAY_MS;
  const since = now - span;
  const nickname = (x) =>
    `(SELECT value FROM json_each('${JSON.stringify(NICKNAMES)}') WHERE key = ${x} % ${NICKNAMES.length}) || CASE WHEN ${x} >= ${NICKNAMES.length} THEN ${x} ELSE '' END`;
  // top sellers first: distributor d gets a share that falls off with d
  const distributorOf = (x) => `CAST(${distributors} * ${uniform(x, 104729)} * ${uniform(x, 104729)} AS INTEGER)`;
  const code = (d) => `'H' || printf('%07d', ${d})`;
  const statements = [
    `INSERT INTO users (id, phone, password_hash, nickname, role, created_at) ${rows(0, distributors)}
     SELECT ${FIRST_USER_ID} + x, '1990' || printf('%07d', x), 'no-login', ${nickname("x")}, 'shopper', ${since} FROM n`,
    `INSERT INTO distributors (user_id, code, recruiter_user_id, created_at)
     SELECT id, ${code(`id - ${FIRST_USER_ID}`)}, NULL, created_at FROM users WHERE id >= ${FIRST_USER_ID} AND id < ${FIRST_USER_ID + distributors}`,
    `INSERT INTO links (code, distributor_user_id, product_id, created_at)
     SELECT code, user_id, NULL, created_at FROM distributors WHERE user_id >= ${FIRST_USER_ID} AND user_id < ${FIRST_USER_ID + distributors}`,
  ];
  for (let from = 0; from < visits; from += VISIT_CHUNK) {
    statements.push(
      `INSERT INTO visits (visit_id, link_code, distributor_user_id, visitor_id, at, is_unique, referer, country, device)
       ${rows(from, Math.min(VISIT_CHUNK, visits - from))}
       SELECT printf('h%020d', x), ${code("d")}, ${FIRST_USER_ID} + d, printf('v%020d', x % ${visitors}), ${now} - ${skewedAgo("x", 7919, span)},
         (x % 5) < 3, NULL, 'CN', CASE x % 6 WHEN 0 THEN 'desktop' ELSE 'mobile' END
       FROM (SELECT x, ${distributorOf("x")} AS d FROM n)`,
    );
  }
  // an order's product, quantity and status follow from its number, so its items can be re-derived
  const catalogue = `(SELECT id, price_cents, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS c FROM products)`;
  // a few best sellers: product k with a share that falls off with k, 1–3 of it
  const productRank = (x) => `CAST(p.c * ${uniform(x, 7727)} * ${uniform(x, 7727)} AS INTEGER)`;
  const quantity = (x) => `(1 + CAST(3 * ${uniform(x, 3571)} * ${uniform(x, 3571)} AS INTEGER))`;
  const status = (x) =>
    `CASE (${x}) % 20 WHEN 0 THEN 'cancelled' WHEN 1 THEN 'refunded' WHEN 2 THEN 'pending' WHEN 3 THEN 'paid' WHEN 4 THEN 'paid' WHEN 5 THEN 'shipped' WHEN 6 THEN 'shipped' ELSE 'completed' END`;
  statements.push(
    `INSERT INTO orders (id, user_id, visitor_id, status, subtotal_cents, wallet_cents, total_cents, referrer_code,
       distributor_user_id, bargain_id, contact_name, contact_phone, contact_address, payment_provider, stripe_session_id,
       hold_until, stock_released, created_at, paid_at, shipped_at, completed_at, cancelled_at, refunded_at)
     ${rows(0, orders)}
     SELECT 'hist-' || x, NULL, NULL, s, q * p.price_cents, 0, q * p.price_cents,
       CASE WHEN x % 10 < 6 THEN ${code("d")} END, CASE WHEN x % 10 < 6 THEN ${FIRST_USER_ID} + d END, NULL,
       '顾客' || (x % 97), '139' || printf('%08d', x), '上海市浦东新区世纪大道 ' || (x % 200 + 1) || ' 号', 'demo', NULL,
       at + 900000, s = 'cancelled', at,
       CASE WHEN s IN ('paid', 'shipped', 'completed', 'refunded') THEN at + 60000 END,
       CASE WHEN s IN ('shipped', 'completed') THEN at + ${DAY_MS} END,
       CASE WHEN s = 'completed' THEN at + ${3 * DAY_MS} END,
       CASE WHEN s = 'cancelled' THEN at + 900000 END,
       CASE WHEN s = 'refunded' THEN at + ${DAY_MS} END
     FROM (SELECT x, ${status("x")} AS s, ${quantity("x")} AS q, ${distributorOf("x + 7")} AS d,
             ${now} - 3600000 - ${skewedAgo("x", 15485863, span - 3_600_000)} AS at FROM n) o
     JOIN ${catalogue} p ON p.k = ${productRank("o.x")}`,
    `INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents, from_flash_stock, commission_bp, commission_l2_bp)
     SELECT o.id, p.id, ${quantity("o.x")}, p.price_cents, 0, 1000, 300
     FROM (SELECT id, CAST(substr(id, 6) AS INTEGER) AS x FROM orders WHERE id LIKE 'hist-%') o
     JOIN ${catalogue} p ON p.k = ${productRank("o.x")}`,
    // the ledger as the store would have written it: accrue on payment, mature a week after completion, reverse on refund
    `INSERT INTO commission_ledger (distributor_user_id, order_id, level, bucket, event, amount_cents, created_at)
     SELECT distributor_user_id, id, 1, 'pending', 'accrue', subtotal_cents / 10, paid_at FROM orders
     WHERE id LIKE 'hist-%' AND distributor_user_id IS NOT NULL AND paid_at IS NOT NULL`,
    ...["'available', 'mature', a", "'pending', 'mature', -a"].map(
      (
        entry,
      ) => `INSERT INTO commission_ledger (distributor_user_id, order_id, level, bucket, event, amount_cents, created_at)
       SELECT distributor_user_id, id, 1, ${entry}, completed_at + ${7 * DAY_MS}
       FROM (SELECT *, subtotal_cents / 10 AS a FROM orders) WHERE id LIKE 'hist-%' AND distributor_user_id IS NOT NULL
         AND status = 'completed' AND completed_at + ${7 * DAY_MS} <= ${now}`,
    ),
    ...["'reversed', 'reverse', a", "'pending', 'reverse', -a"].map(
      (
        entry,
      ) => `INSERT INTO commission_ledger (distributor_user_id, order_id, level, bucket, event, amount_cents, created_at)
       SELECT distributor_user_id, id, 1, ${entry}, refunded_at
       FROM (SELECT *, subtotal_cents / 10 AS a FROM orders) WHERE id LIKE 'hist-%' AND distributor_user_id IS NOT NULL
         AND status = 'refunded'`,
    ),
  );
  if (rollups) statements.push(rollupBackfillSql().replace(/;$/, ""));
  return statements.map((s) => `${s.replace(/\s+/g, " ").trim()};`);
}
