// `npm run deploy` end to end against a fake wrangler on the PATH that answers like a Cloudflare
// account would and records every command: what runs, in which order, and where it stops.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "fake-wrangler-"));
after(() => rmSync(dir, { recursive: true, force: true }));

// Answers from the scenario in FAKE_ACCOUNT, in the formats wrangler 4.164 prints (deploy-plan.test.mjs).
const FAKE = `#!/usr/bin/env node
const { appendFileSync } = require("node:fs");
const account = JSON.parse(process.env.FAKE_ACCOUNT);
const args = process.argv.slice(2);
appendFileSync(process.env.FAKE_LOG, JSON.stringify(args) + "\\n");
const is = (...prefix) => prefix.every((p, i) => args[i] === p);
if (is("whoami")) console.log(account.loggedIn ? "You are logged in with an API Token." : "You are not authenticated. Please run \`wrangler login\`.");
else if (is("secret", "list")) {
  const secrets = args.includes("wrangler.links.toml") && "linkSecrets" in account ? account.linkSecrets : account.secrets;
  if (secrets === null) { console.error('✘ [ERROR] Worker "social-storefront-' + args[3] + '" (env: ' + args[3] + ') not found.'); process.exit(1); }
  console.log(JSON.stringify(secrets.map((name) => ({ name, type: "secret_text" })), null, 2));
}
else if (is("d1", "list")) console.log(JSON.stringify(account.d1.map((name) => ({ uuid: "u-" + name, name })), null, 2));
else if (is("r2", "bucket", "list")) console.log("Listing buckets...\\n" + account.r2.map((n) => "name:           " + n + "\\ncreation_date:  2026-11-20T08:00:00.000Z").join("\\n\\n"));
else if (is("queues", "list")) {
  const rows = args[3] === "1" ? account.queues : [];
  console.log("┌────┬──────┐\\n│ id │ name │\\n" + rows.map((n) => "├────┼──────┤\\n│ q1 │ " + n + " │\\n").join("") + "└────┴──────┘");
}
else if (is("deploy") && args.includes("--dry-run")) {
  // the one command a dry run sends: the real wrangler builds offline
  process.exit(require("node:child_process").spawnSync(process.env.REAL_WRANGLER, args, { stdio: "inherit" }).status);
}
else if ((account.fail ?? []).includes(args.slice(0, 2).join(" "))) { console.error("✘ [ERROR] simulated failure"); process.exit(1); }
`;
const bin = join(dir, "bin");
spawnSync("mkdir", ["-p", bin]);
writeFileSync(join(bin, "wrangler"), FAKE);
chmodSync(join(bin, "wrangler"), 0o755);

function deploy(args, account, script = "scripts/deploy.mjs") {
  const log = join(dir, `log-${Math.random().toString(36).slice(2)}`);
  writeFileSync(log, "");
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      PATH: [bin, join(ROOT, "node_modules", ".bin"), process.env.PATH].join(delimiter),
      FAKE_ACCOUNT: JSON.stringify(account),
      FAKE_LOG: log,
      REAL_WRANGLER: join(ROOT, "node_modules", ".bin", "wrangler"),
      WRANGLER_SEND_METRICS: "false",
    },
  });
  const calls = readFileSync(log, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line).join(" "));
  return { status: result.status, out: result.stdout + result.stderr, calls };
}

const EVERYTHING = { loggedIn: true, secrets: ["SESSION_SECRET", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"] };

test("a first deploy stops before changing anything: the Worker has no SESSION_SECRET yet", () => {
  const run = deploy(["--env", "production"], { loggedIn: true, secrets: null, d1: [], r2: [], queues: [] });
  assert.equal(run.status, 1);
  assert.deepEqual(run.calls, [
    "whoami",
    "secret list --env production",
    "secret list -c wrangler.links.toml --env production",
  ]);
  assert.match(run.out, /missing required secret\(s\), so nothing was deployed/);
  assert.match(run.out, /npm run session-secret -- --env production/);
  assert.match(run.out, /demo payment mode/);
});

test("the store has its SESSION_SECRET but the short-link Worker not: nothing is deployed, and no rotation is offered first", () => {
  const run = deploy(["--env", "production"], { ...EVERYTHING, linkSecrets: null, d1: [], r2: [], queues: [] });
  assert.equal(run.status, 1);
  assert.equal(run.calls.at(-1), "secret list -c wrangler.links.toml --env production");
  assert.match(run.out, /nothing was deployed: the short-link Worker needs the store's SESSION_SECRET/);
  assert.match(
    run.out,
    /npx wrangler secret put SESSION_SECRET -c wrangler\.links\.toml --env production {3}\(paste it\)/,
  );
  assert.match(run.out, /npm run session-secret -- --env production --rotate/);
});

const sessionSecret = (args, account) => deploy(args, account, "scripts/session-secret.mjs");

test("session-secret: one value on both Workers of a new store", () => {
  const run = sessionSecret(["--env", "staging"], { secrets: null });
  assert.equal(run.status, 0, run.out);
  assert.deepEqual(run.calls, [
    "secret list --env staging",
    "secret put SESSION_SECRET --env staging",
    "secret put SESSION_SECRET -c wrangler.links.toml --env staging",
  ]);
});

test("session-secret: a store that has one is left alone unless --rotate", () => {
  const kept = sessionSecret(["--env", "production"], { secrets: ["SESSION_SECRET"] });
  assert.equal(kept.status, 1);
  assert.deepEqual(kept.calls, ["secret list --env production"]);
  assert.match(kept.out, /the store has a SESSION_SECRET already; nothing was changed/);
  const rotated = sessionSecret(["--env", "production", "--rotate"], { secrets: ["SESSION_SECRET"] });
  assert.equal(rotated.status, 0, rotated.out);
  assert.deepEqual(rotated.calls, [
    "secret put SESSION_SECRET --env production",
    "secret put SESSION_SECRET -c wrangler.links.toml --env production",
  ]);
});

test("creates only what is missing, migrates, then deploys, in that order", () => {
  const run = deploy(["--env", "production", "--location", "apac"], {
    ...EVERYTHING,
    d1: ["storefront"],
    r2: ["other"],
    queues: [],
  });
  assert.equal(run.status, 0, run.out);
  assert.deepEqual(run.calls, [
    "whoami",
    "secret list --env production",
    "secret list -c wrangler.links.toml --env production",
    "d1 list --json",
    "r2 bucket list",
    "queues list --page 1",
    "r2 bucket create storefront-pictures --location apac",
    "queues create storefront-visits",
    "d1 migrations apply DB --remote --env production",
    "deploy --env production",
    "deploy -c wrangler.links.toml --env production",
  ]);
  assert.match(run.out, /✓ D1 database storefront \(DB\) exists/);
});

test("staging has resources of its own; a second deploy creates nothing", () => {
  const run = deploy(["--env", "staging"], {
    ...EVERYTHING,
    d1: ["storefront", "storefront-staging"],
    r2: ["storefront-pictures-staging"],
    queues: ["storefront-visits-staging"],
  });
  assert.equal(run.status, 0, run.out);
  assert.ok(!run.calls.some((c) => c.includes("create")), run.calls.join("\n"));
  assert.ok(run.calls.includes("d1 migrations apply DB --remote --env staging"));
  assert.deepEqual(run.calls.slice(-2), ["deploy --env staging", "deploy -c wrangler.links.toml --env staging"]);
});

test("not logged in: stops after saying how to log in", () => {
  const run = deploy([], { loggedIn: false });
  assert.equal(run.status, 1);
  assert.deepEqual(run.calls, ["whoami"]);
  assert.match(run.out, /npx wrangler login`, or set CLOUDFLARE_API_TOKEN/);
});

test("a failed migration stops the release before the deploy", () => {
  const run = deploy([], {
    ...EVERYTHING,
    d1: ["storefront"],
    r2: ["storefront-pictures"],
    queues: ["storefront-visits"],
    fail: ["d1 migrations"],
  });
  assert.equal(run.status, 1);
  assert.equal(run.calls.at(-1), "d1 migrations apply DB --remote --env production");
});

test("a dry run calls Cloudflare for nothing: its only wrangler command builds the bundle to disk", () => {
  const run = deploy(["--dry-run", "--env", "staging"], { loggedIn: false });
  assert.equal(run.status, 0, run.out);
  assert.deepEqual(run.calls, [
    "deploy --env staging --dry-run --outdir .wrangler/deploy/staging --metafile",
    "deploy -c wrangler.links.toml --env staging --dry-run --outdir .wrangler/deploy/staging-links --metafile",
  ]);
  assert.match(
    run.out,
    /\$ wrangler d1 create storefront-staging {3}if D1 database storefront-staging \(DB\) is missing/,
  );
  assert.match(run.out, /0003_visit_ids\.sql/);
  assert.match(run.out, /env\.DB \(storefront-staging\)/, "wrangler built it with staging's bindings");
  assert.match(run.out, /✓ within budget/);
  assert.match(run.out, /short-links\.js: [\d.]+ KiB, gzipped [\d.]+ KiB; budget 48\.0 KiB/);
});
