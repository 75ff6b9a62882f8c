// What `npm run deploy` decides, as pure functions of wrangler's config and output: which
// resources to create, which secrets are missing, which commands to run. Tested offline.

export const ENVIRONMENTS = ["staging", "production"];
/** D1 primary and R2 location hints wrangler accepts; fixed when the resource is created. */
export const LOCATIONS = ["weur", "eeur", "apac", "oc", "wnam", "enam"];
/** Without it every cookie signature fails: the deploy stops rather than ship that. */
export const REQUIRED_SECRETS = ["SESSION_SECRET"];

/**
 * The flags `npm run deploy` and `npm run merchant` share; `--location` only where `usage` names it.
 * @param {string[]} argv the arguments after `npm run <script> --`
 * @returns {{ env: string, dryRun: boolean, location: string | null }}
 * @throws {Error} on an unknown flag or value, with the usage in the message
 */
export function parseArgs(argv, usage) {
  const options = { env: "production", dryRun: false, location: null };
  const refuse = (why) => {
    throw new Error(`${why}\n${usage}`);
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === "--dry-run") options.dryRun = true;
    else if (flag === "--env" || flag === "-e") options.env = value();
    else if (flag === "--location" && usage.includes("--location")) options.location = value();
    else refuse(`unknown argument ${argv[i]}`);
  }
  if (!ENVIRONMENTS.includes(options.env)) refuse(`--env must be one of ${ENVIRONMENTS.join(", ")}`);
  if (options.location !== null && !LOCATIONS.includes(options.location))
    refuse(`--location must be one of ${LOCATIONS.join(", ")}`);
  return options;
}

export const parseDeployArgs = (argv) => parseArgs(argv, DEPLOY_USAGE);

export const DEPLOY_USAGE = `usage: npm run deploy -- [--env staging|production] [--dry-run] [--location ${LOCATIONS.join("|")}]
  --env       which wrangler.toml environment (default production)
  --dry-run   print every step and build the bundle; nothing is sent to Cloudflare
  --location  where a new D1 database and R2 bucket live (default: near you)`;

/**
 * The named resources an environment binds, from wrangler's resolved config (unstable_readConfig).
 * @returns {Array<{ kind: "d1" | "r2" | "queue", name: string, binding: string }>}
 */
export function resourcesOf(config) {
  const queues = new Map();
  for (const p of config.queues?.producers ?? []) queues.set(p.queue, p.binding);
  for (const c of config.queues?.consumers ?? []) if (!queues.has(c.queue)) queues.set(c.queue, "(consumer)");
  return [
    ...(config.d1_databases ?? []).map((d) => ({ kind: "d1", name: d.database_name, binding: d.binding })),
    ...(config.r2_buckets ?? []).map((b) => ({ kind: "r2", name: b.bucket_name, binding: b.binding })),
    ...[...queues].map(([name, binding]) => ({ kind: "queue", name, binding })),
  ];
}

export const LIST_COMMANDS = {
  d1: ["d1", "list", "--json"],
  r2: ["r2", "bucket", "list"],
  queue: ["queues", "list"],
};

const ANSI = /\u001b\[[0-9;]*m/g;

/** The JSON in wrangler's output: a line that opens an array or object (a `[WARNING]` line may come first). */
export function extractJson(text) {
  const start = text.search(/^[[{](?=\s*(?:$|[[{"\]}]))/m);
  if (start < 0) throw new Error(`no JSON in wrangler's output:\n${text.slice(0, 500)}`);
  return JSON.parse(text.slice(start));
}

/** Names in `wrangler d1 list --json`: an array of { uuid, name, … }. */
export const parseD1List = (text) => extractJson(text).map((db) => db.name);

/** Names in `wrangler r2 bucket list`: blocks of `name: …` / `creation_date: …` lines. */
export function parseR2BucketList(text) {
  return [...text.replace(ANSI, "").matchAll(/^name:\s+(\S+)\s*$/gm)].map((m) => m[1]);
}

/** Names in one page of `wrangler queues list`: a box-drawn table with a `name` column. */
export function parseQueueList(text) {
  const rows = text
    .replace(ANSI, "")
    .split("\n")
    .filter((line) => line.startsWith("│"))
    .map((line) =>
      line
        .split("│")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  const column = rows[0]?.indexOf("name") ?? -1;
  return column < 0
    ? []
    : rows
        .slice(1)
        .map((cells) => cells[column])
        .filter(Boolean);
}

/** Names in `wrangler secret list` (JSON: an array of { name, type }). */
export const parseSecretList = (text) => extractJson(text).map((s) => s.name);

/** `wrangler secret list` fails this way for a Worker never deployed: it has no secrets yet. */
export const isWorkerNotFound = (output) =>
  /Worker "[^"]+"(?: \(env: [^)]+\))? not found/.test(output.replace(ANSI, ""));

/**
 * The commands that create what the account lacks. `existing` maps a kind to the names the
 * account has; a kind absent from it is unknown (a dry run) and its resources are listed "if missing".
 * @returns {Array<{ kind: string, name: string, binding: string, exists: boolean | null, create: string[] }>}
 */
export function planResources(resources, existing, { location = null } = {}) {
  return resources.map((r) => {
    const known = existing[r.kind];
    return { ...r, exists: known ? known.includes(r.name) : null, create: createCommand(r, location) };
  });
}

function createCommand({ kind, name }, location) {
  const where = location ? ["--location", location] : [];
  if (kind === "d1") return ["d1", "create", name, ...where];
  if (kind === "r2") return ["r2", "bucket", "create", name, ...where];
  return ["queues", "create", name];
}

/** Every variable .dev.vars.example documents is a secret of the deployed store. */
export function secretNamesOf(devVarsExample) {
  return [...devVarsExample.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
}

/**
 * @param {string[] | null} present the Worker's secrets; null when unknown (a dry run)
 * @returns {{ missingRequired: string[], missingOptional: string[], warnings: string[] }}
 */
export function checkSecrets(present, documented, required = REQUIRED_SECRETS) {
  if (present === null) return { missingRequired: [], missingOptional: [], warnings: [] };
  const missing = documented.filter((name) => !present.includes(name));
  const has = (name) => present.includes(name);
  const warnings = [];
  if (!has("STRIPE_SECRET_KEY")) {
    warnings.push(
      "no STRIPE_SECRET_KEY: the store runs in demo payment mode, where a button marks an order paid without any money.",
    );
  } else if (!has("STRIPE_WEBHOOK_SECRET")) {
    warnings.push(
      "STRIPE_SECRET_KEY without STRIPE_WEBHOOK_SECRET: shoppers pay on Stripe but their orders are never marked paid.",
    );
  }
  return {
    missingRequired: missing.filter((name) => required.includes(name)),
    missingOptional: missing.filter((name) => !required.includes(name)),
    warnings,
  };
}

/** The migration files wrangler applies, in the order it applies them. */
export const migrationFiles = (fileNames) => fileNames.filter((f) => f.endsWith(".sql")).sort();

/** Where a dry run writes the bundle and esbuild's metafile. */
export const dryRunOutdir = (env) => `.wrangler/deploy/${env}`;

/** The short-link Worker's config: the store's front door, deployed after the store it calls. */
export const LINKS_CONFIG = "wrangler.links.toml";

/** Where a dry run writes the short-link Worker's bundle and metafile. */
export const dryRunLinksOutdir = (env) => `.wrangler/deploy/${env}-links`;

/**
 * The wrangler commands of the last steps: migrations, the store, then the short-link Worker in front
 * of it (its service bindings need the store deployed first); a dry run runs the builds (offline) instead.
 */
export function releaseCommands({ env, binding }) {
  const links = ["-c", LINKS_CONFIG, "--env", env];
  return {
    migrate: ["d1", "migrations", "apply", binding, "--remote", "--env", env],
    deploy: ["deploy", "--env", env],
    build: ["deploy", "--env", env, "--dry-run", "--outdir", dryRunOutdir(env), "--metafile"],
    deployLinks: ["deploy", ...links],
    buildLinks: ["deploy", ...links, "--dry-run", "--outdir", dryRunLinksOutdir(env), "--metafile"],
  };
}

/**
 * How the merchant sets a secret. SESSION_SECRET gets a random value nobody needs to know, the same
 * on the store and its short-link Worker (both sign and read the attribution cookie): one command
 * puts it on both (scripts/session-secret.mjs).
 */
/**
 * The short-link Worker lacks the SESSION_SECRET the store already has (a store deployed before the
 * short-link Worker existed). A secret cannot be read back: the merchant puts the same value on it,
 * or rotates it on both, which signs everybody out and drops the attribution of earlier clicks.
 */
export function linksSecretHint(env) {
  return [
    `the short-link Worker needs the store's SESSION_SECRET (the same value: it signs the cookie the store reads).`,
    `  If you have the value: npx wrangler secret put SESSION_SECRET -c ${LINKS_CONFIG} --env ${env}   (paste it)`,
    `  If not, a new one on both: npm run session-secret -- --env ${env} --rotate`,
    `  (everybody signs in again, and share-link clicks made before it no longer credit a distributor)`,
  ].join("\n");
}

export function secretPutHint(name, env) {
  return name === "SESSION_SECRET"
    ? `npm run session-secret -- --env ${env}   (one random value, on the store and its short-link Worker)`
    : `npx wrangler secret put ${name} --env ${env}   (paste the value when asked)`;
}
