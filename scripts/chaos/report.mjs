// The chaos run's report: a table on the terminal, and docs/chaos.md with the run's numbers.
import { writeFileSync } from "node:fs";
import os from "node:os";

const statusList = (statuses) =>
  Object.entries(statuses)
    .sort(([a], [b]) => String(a).localeCompare(String(b)))
    .map(([s, n]) => `${s}: ${n}`)
    .join(", ");

const kindList = (byKind) =>
  Object.entries(byKind)
    .sort(([, a], [, b]) => b - a)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ") || "–";

export function printTable(results) {
  const width = Math.max(...results.map((r) => r.name.length));
  console.log("");
  for (const r of results) {
    console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name.padEnd(width)}  ${r.counts}`);
    for (const f of r.failures) console.log(`        ${f}`);
    if (r.failed > r.failures.length) console.log(`        … and ${r.failed - r.failures.length} more`);
  }
}

/** What the idempotent retries of cut order requests found: the order placed before the kill, or none yet. */
export function retryOutcomes(world) {
  const cut = [...world.keys.values()].filter((k) => k.cut > 0);
  const first = (k) => k.answers[0]?.status;
  return {
    cut: cut.length,
    replayed: cut.filter((k) => first(k) === 200).length,
    placedOnRetry: cut.filter((k) => first(k) === 201).length,
    refused: cut.filter((k) => ![200, 201].includes(first(k))).length,
  };
}

function reuseSummary(reuse) {
  const tally = {};
  for (const r of reuse) {
    const label = r.code ? `${r.status} ${r.code}` : `${r.status}${r.orderId ? " with the key's first order" : ""}`;
    tally[label] = (tally[label] ?? 0) + 1;
  }
  return tally;
}

/** The run's products, from starting stock to what was left (sale stock in brackets). */
function stockLine(world, stock) {
  const ours = new Set(Object.values(world.products).map((p) => p.id));
  const shown = stock
    .filter((p) => ours.has(p.id))
    .map((p) => {
      const start = world.start.get(p.id);
      const flash = start.flash_stock === null ? "" : ` (sale stock ${start.flash_stock} → ${p.flash_stock})`;
      return `${p.title} ${start.stock} → ${p.stock}${flash}`;
    });
  return `Stock, start → end: ${shown.join("; ")}.`;
}

function killRows(kills) {
  return kills.map(
    (k) =>
      `| ${k.n} | ${k.atS.toFixed(1)} | ${k.inFlight.total} | ${kindList(k.inFlight.byKind)} | ${k.cut} | ${k.killed.workerd} workerd, then ${k.killed.others} wrangler | ${(k.restartMs / 1000).toFixed(1)} s |`,
  );
}

function requestRows(traffic) {
  return Object.entries(traffic.byKind)
    .sort(([, a], [, b]) => b.sent - a.sent)
    .map(([kind, k]) => `| ${kind} | ${k.sent} | ${statusList(k.statuses)} |`);
}

function invariantRows(results) {
  return results.map((r) => `| ${r.name} | ${r.ok ? "held" : `**FAILED** (${r.failed})`} | ${r.counts} |`);
}

function findings(results, reuse) {
  const lines = [];
  for (const r of results.filter((x) => !x.ok)) {
    lines.push(`- **${r.name}** failed ${r.failed} time(s):`, ...r.failures.map((f) => `  - ${f}`));
  }
  if (lines.length === 0)
    lines.push(
      "- No invariant broke: every crash lost nothing the store had acknowledged, and left nothing half-written.",
    );
  const tally = reuseSummary(reuse);
  if (reuse.length) {
    lines.push(
      `- The same \`Idempotency-Key\` with another body (${reuse.length} probes) was answered ${statusList(tally)} (API.md: \`422 idempotency_key_reused\`; checked by invariant 6).`,
    );
  }
  return lines;
}

/** Writes docs/chaos.md: how the test works, then the numbers of this run. */
export function writeReport(path, run) {
  const { world, traffic, kills, results, tallies, config } = run;
  const retries = retryOutcomes(world);
  const allHeld = results.every((r) => r.ok);
  const text = `# Crash test: \`npm run chaos\`

A crash must lose nothing. \`scripts/chaos.mjs\` starts a fresh store on its own persisted local D1
(\`scripts/fresh-store.mjs\`), signs up shoppers and distributors (some recruited, for level-2
commission), has them click share links, creates products with limited stock (one with a flash sale,
one that can be bargained), and checks half the wallets in. Then it loads the store with orders
(under \`Idempotency-Key\`, some spending wallet cash, some guests'), demo payments (under keys too), check-ins,
bargains and helps, the merchant's ships, completes and refunds (under keys), and the cron (unpaid orders are
held 1 minute, so cancels and their stock release run under load too) — and, at random moments,
SIGKILLs the store's \`workerd\` processes and then \`wrangler dev\` itself, starts \`wrangler dev\`
again over the same state directory and carries on. A request a kill cut is sent again, unchanged
(same key), once the store is back. Each person sends from an address of their own
(\`CF-Connecting-IP\`), as phones do, so the per-address limits on sign-up and help see many people. At the end it stops the store, opens its D1 file read-only
(\`node:sqlite\`) and checks every invariant below; it exits non-zero if one fails, keeping the
database (\`.wrangler/chaos-*\`) for a post-mortem.

\`\`\`sh
npm run chaos                       # about ${Math.round(config.totalS / 10) * 10 || 120} s on 2 cores
CHAOS_KILLS=10 CHAOS_CONCURRENCY=32 npm run chaos
\`\`\`

What "held" means, exactly:

1. per product, stock + the units orders hold = the starting stock; the same for flash-sale stock. An order
   holds its units while pending, paid, shipped, completed, and refunded after shipping (the goods left the
   shelf); a cancelled order, and one refunded before it shipped, gave them back once (\`stock_released\`,
   which exactly those orders have set; \`db/order-transitions.ts\`).
2. every wallet's ledger is ≥ 0 after every row, its sum is what \`/api/me\` says, and each check-in has
   exactly its one credit.
3. every paid, shipped or completed order has exactly the commission its attribution implies (level 1 to
   the distributor unless that is the buyer, level 2 to their recruiter; per item
   floor(price × quantity × bp / 10000) at the rates snapshotted on the item), a refunded order's is fully
   reversed (pending + available = 0, reversed = accrued), a pending or cancelled order has none; and each
   order credits the distributor of its buyer's last click.
4. no order without items; subtotal = Σ items, total = subtotal − wallet.
5. every bargain help took the planned cut at its place; current = price − Σ cuts, helper_count = helps,
   at most 5 helps a helper a day; a bargain is bought once, by its starter, at the floor.
6. one order per idempotency key, the one every answer to that key named, and no order no answer named;
   the same key with another body is always \`422 idempotency_key_reused\`.
7. an order that spent wallet cash has one spend row; a cancelled or refunded one exactly one refund row.
8. every write the store acknowledged (order, payment, ship, complete, refund, check-in, help) is in the
   database after the crashes.

## The last run

${new Date(run.startedAt).toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} cores, ${config.totalS.toFixed(0)} s in all
(${config.loadS.toFixed(0)} s of load), ${config.concurrency} concurrent lanes, ${world.people.length} signed-up people
(${world.people.filter((p) => p.code).length} distributors) and ${world.guests.length} guests.
**${kills.length} kills, ${kills.length} restarts; ${allHeld ? "every invariant held" : "INVARIANTS FAILED"}.**

### Kills

| kill | at (s into the load) | requests in flight | in flight, by kind | connections cut | SIGKILLed | back up in |
| ---: | ---: | ---: | --- | ---: | --- | ---: |
${killRows(kills).join("\n")}

### Requests

${traffic.sent} requests sent (every attempt counts), ${traffic.cut} cut by a kill, ${traffic.retried} sent again after one;
${traffic.inProgress} answers were \`409 request_in_progress\` (the retry of a payment or a merchant's move whose first
request a kill cut: its key stays claimed for a minute, then the retry runs it, once), each sent again 2 s later.

| kind | sent | answers |
| --- | ---: | --- |
${requestRows(traffic).join("\n")}

Order requests a kill cut: ${retries.cut}. Sent again with the same key, ${retries.replayed} found the order the cut
request had placed (\`200\`), ${retries.placedOnRetry} placed it then (\`201\`: the cut request had not committed),
${retries.refused} were refused (out of stock, wallet).

### Orders at the end

${statusList(tallies.byStatus)}; ${tallies.matured} commission entries matured.

${stockLine(world, tallies.stock)}

### Invariants

| invariant | result | checked |
| --- | --- | --- |
${invariantRows(results).join("\n")}

### Findings

${findings(results, world.reuse).join("\n")}
`;
  writeFileSync(path, text);
}
