// `npm run deploy -- [--env staging|production] [--dry-run]`: puts the store on the merchant's
// Cloudflare account. Builds the islands, checks the secrets, creates the D1 database, R2 bucket
// and queue that are missing, applies the migrations remotely, then deploys the store and the
// short-link Worker in front of it (wrangler.links.toml). With --dry-run it prints every step and
// builds both production bundles, without calling Cloudflare.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { unstable_readConfig } from "wrangler";
import {
  checkSecrets,
  isWorkerNotFound,
  LINKS_CONFIG,
  linksSecretHint,
  LIST_COMMANDS,
  migrationFiles,
  parseD1List,
  parseDeployArgs,
  parseQueueList,
  parseR2BucketList,
  parseSecretList,
  planResources,
  REQUIRED_SECRETS,
  releaseCommands,
  resourcesOf,
  secretNamesOf,
  secretPutHint,
} from "./deploy-plan.mjs";

/** `wrangler queues list` shows one page at a time; no store has more queues than this many pages. */
const MAX_QUEUE_PAGES = 20;

let options;
try {
  options = parseDeployArgs(process.argv.slice(2));
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
const { env, dryRun } = options;
const config = unstable_readConfig({ config: "wrangler.toml", env });
const linksConfig = unstable_readConfig({ config: LINKS_CONFIG, env });
let stepNumber = 0;

const step = (title) => console.log(`\n${++stepNumber}. ${title}`);
const show = (args, note = "") => console.log(`   ${dryRun ? "(dry run) " : ""}$ wrangler ${args.join(" ")}${note}`);
const fail = (message) => {
  console.error(`\n✖ ${message}`);
  process.exit(1);
};

/** Runs wrangler from node_modules; `capture` returns its output instead of showing it. */
function wrangler(args, { capture = false } = {}) {
  const result = spawnSync("wrangler", args, {
    encoding: "utf8",
    stdio: capture ? ["inherit", "pipe", "pipe"] : "inherit",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    maxBuffer: 64 << 20,
  });
  if (result.error) fail(`could not start wrangler: ${result.error.message} (run npm install first)`);
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

function mustRun(args) {
  show(args);
  if (!wrangler(args).ok)
    fail(`wrangler ${args[0]} ${args[1] ?? ""} failed (its message is above); nothing after it ran.`);
}

function listed(args) {
  const { ok, output } = wrangler(args, { capture: true });
  if (!ok) fail(`wrangler ${args.join(" ")} failed:\n${output}`);
  return output;
}

console.log(
  `Deploying the store to "${env}" as the Worker ${config.name}${dryRun ? " (dry run: nothing is sent to Cloudflare)" : ""}`,
);

step("Build the islands bundle (public/assets), which the deploy uploads as static assets");
console.log("   $ node scripts/build-client.mjs");
if (spawnSync(process.execPath, ["scripts/build-client.mjs"], { stdio: "inherit" }).status !== 0)
  fail("the islands did not build");

step("Check the Cloudflare login");
if (dryRun) show(["whoami"], "   (CLOUDFLARE_API_TOKEN, or `npx wrangler login` once)");
else {
  const { output } = wrangler(["whoami"], { capture: true });
  console.log(output.trim().replace(/^/gm, "   "));
  if (/not authenticated/i.test(output)) {
    fail(
      "not logged in to Cloudflare: run `npx wrangler login`, or set CLOUDFLARE_API_TOKEN (README, Deploy to Cloudflare).",
    );
  }
}

step("Check the Workers' secrets (set with `wrangler secret put`, never committed)");
const documented = secretNamesOf(readFileSync(".dev.vars.example", "utf8"));
/** The secrets a Worker has: null in a dry run, [] for one never deployed. */
function secretsOf(configArgs) {
  const list = ["secret", "list", ...configArgs, "--env", env];
  show(list);
  if (dryRun) return null;
  const { ok, output } = wrangler(list, { capture: true });
  if (ok) return parseSecretList(output);
  if (isWorkerNotFound(output)) return [];
  fail(`wrangler secret list failed:\n${output}`);
}
const present = secretsOf([]);
const secrets = checkSecrets(present, documented);
// the short-link Worker signs the attribution cookie: it needs the store's SESSION_SECRET, nothing else
const linksPresent = secretsOf(["-c", LINKS_CONFIG]);
const linksMissing = checkSecrets(linksPresent, REQUIRED_SECRETS).missingRequired;
if (dryRun) {
  const optional = documented.filter((n) => !REQUIRED_SECRETS.includes(n));
  console.log(
    `   required: ${REQUIRED_SECRETS.join(", ")} (the deploy stops here without it); optional: ${optional.join(", ")}`,
  );
  console.log(`   the short-link Worker ${linksConfig.name}: ${REQUIRED_SECRETS.join(", ")}, the store's value`);
} else {
  console.log(`   set: ${present.length ? present.join(", ") : "none"}`);
  console.log(
    `   set on the short-link Worker ${linksConfig.name}: ${linksPresent.length ? linksPresent.join(", ") : "none"}`,
  );
}
for (const warning of secrets.warnings) console.log(`   ⚠ ${warning}`);
for (const name of secrets.missingOptional) console.log(`   optional, not set: ${name}: ${secretPutHint(name, env)}`);
// a store deployed before the short-link Worker existed: its secret stays, the Worker gets the same
if (linksMissing.length && !secrets.missingRequired.length) {
  fail(`nothing was deployed: ${linksSecretHint(env)}\nthen run this deploy again.`);
}
const missingRequired = [...new Set([...secrets.missingRequired, ...linksMissing])];
if (missingRequired.length) {
  fail(
    `missing required secret(s), so nothing was deployed:\n${missingRequired.map((n) => `  ${secretPutHint(n, env)}`).join("\n")}\nthen run this deploy again.`,
  );
}

step("Create the D1 database, R2 bucket and queue that do not exist yet (found by name)");
const resources = resourcesOf(config);
const existing = {};
for (const kind of new Set(resources.map((r) => r.kind))) {
  if (dryRun) {
    show(LIST_COMMANDS[kind]);
    continue;
  }
  if (kind === "d1") existing.d1 = parseD1List(listed(LIST_COMMANDS.d1));
  else if (kind === "r2") existing.r2 = parseR2BucketList(listed(LIST_COMMANDS.r2));
  else existing.queue = listQueues();
}
for (const r of planResources(resources, existing, options)) {
  const what = `${r.kind === "d1" ? "D1 database" : r.kind === "r2" ? "R2 bucket" : "queue"} ${r.name} (${r.binding})`;
  if (r.exists) console.log(`   ✓ ${what} exists`);
  else if (dryRun) show(r.create, `   if ${what} is missing`);
  else mustRun(r.create);
}

const [database] = config.d1_databases;
const { migrate, deploy, build, deployLinks, buildLinks } = releaseCommands({ env, binding: database.binding });
step(
  `Apply the D1 migrations to ${database.database_name}: those not applied yet (wrangler records them in the database)`,
);
console.log(
  migrationFiles(readdirSync(database.migrations_dir ?? "migrations"))
    .map((m) => `   ${m}`)
    .join("\n"),
);
if (dryRun) show(migrate);
else mustRun(migrate);

/** Deploys a Worker, or in a dry run builds its bundle to disk and checks it against its budget. */
function release(deployArgs, buildArgs, checkFlags = []) {
  if (!dryRun) return mustRun(deployArgs);
  show(deployArgs);
  console.log("   instead, offline: the same bundle, written to disk with esbuild's metafile");
  console.log(`   $ wrangler ${buildArgs.join(" ")}`);
  if (!wrangler(buildArgs).ok) fail("the bundle did not build (wrangler's message is above).");
  const outdir = buildArgs[buildArgs.indexOf("--outdir") + 1];
  const check = spawnSync(process.execPath, ["scripts/check-bundle.mjs", outdir, ...checkFlags], { stdio: "inherit" });
  if (check.status !== 0) fail("the bundle is over its budget");
}

step(`Deploy the Worker ${config.name}`);
release(deploy, build);

step(`Deploy the short-link Worker ${linksConfig.name}, the store's front door (it calls ${config.name})`);
release(deployLinks, buildLinks, ["--links"]);

console.log(`
${dryRun ? "Dry run done. Without --dry-run the steps above run against your account." : `Deployed ${config.name} and ${linksConfig.name}.`}
The store's address is the short-link Worker's (its workers.dev URL, or your domain: README), which
answers share links itself and passes everything else to ${config.name}.
Once, after the first deploy: the merchant account (there is no default password here)
   npm run merchant -- --env ${env}
Logs: the Worker's Logs tab in the Cloudflare dashboard, or npx wrangler tail --env ${env}
Roll back: npx wrangler rollback --env ${env} (the code goes back; applied migrations stay)
`);

/** Every page of `wrangler queues list`, until a page adds no new name. */
function listQueues() {
  const names = new Set();
  for (let page = 1; page <= MAX_QUEUE_PAGES; page++) {
    const found = parseQueueList(listed([...LIST_COMMANDS.queue, "--page", String(page)]));
    const before = names.size;
    for (const name of found) names.add(name);
    if (names.size === before) break;
  }
  return [...names];
}
