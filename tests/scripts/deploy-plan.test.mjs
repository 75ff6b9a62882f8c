// The deploy's decisions from wrangler's config and output, on samples of what wrangler 4.164 prints.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  checkSecrets,
  extractJson,
  isWorkerNotFound,
  parseD1List,
  parseDeployArgs,
  parseQueueList,
  parseR2BucketList,
  parseSecretList,
  planResources,
  releaseCommands,
  resourcesOf,
  secretNamesOf,
} from "../../scripts/deploy-plan.mjs";

// `wrangler d1 list --json`, after a warning line
const D1_LIST = `▲ [WARNING] Processing wrangler.toml configuration: a warning
[
  { "uuid": "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", "name": "storefront", "created_at": "2026-11-20T08:00:00.000Z", "version": "production", "num_tables": 19, "file_size": 540672 },
  { "uuid": "1c2d3e4f-5061-7283-94a5-b6c7d8e9f0a1", "name": "blog", "created_at": "2026-10-01T08:00:00.000Z", "version": "production", "num_tables": 3, "file_size": 12288 }
]`;

// `wrangler r2 bucket list`: labelled values, coloured when a terminal asks for it
const R2_LIST = `
 ⛅️ wrangler 4.164.0
────────────────────
Listing buckets...
\u001b[37mname:\u001b[39m           \u001b[90mstorefront-pictures-staging\u001b[39m
\u001b[37mcreation_date:\u001b[39m  \u001b[90m2026-11-21T09:30:00.000Z\u001b[39m

name:           photos
creation_date:  2026-01-02T03:04:05.000Z`;

// one page of `wrangler queues list` (cli-table3, no colour)
const QUEUE_LIST = `┌──────────────────────────────────┬───────────────────────────┬─────────────────────────────┬─────────────────────────────┬───────────┬───────────┐
│ id                               │ name                      │ created_on                  │ modified_on                 │ producers │ consumers │
├──────────────────────────────────┼───────────────────────────┼─────────────────────────────┼─────────────────────────────┼───────────┼───────────┤
│ 5f0c3e1a9d2b4c6e8f7a1b2c3d4e5f60 │ storefront-visits         │ 2026-11-20T08:00:00.000000Z │ 2026-11-20T08:00:00.000000Z │ 1         │ 1         │
├──────────────────────────────────┼───────────────────────────┼─────────────────────────────┼─────────────────────────────┼───────────┼───────────┤
│ 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d │ storefront-visits-staging │ 2026-11-21T09:30:00.000000Z │ 2026-11-21T09:30:00.000000Z │ 0         │ 0         │
└──────────────────────────────────┴───────────────────────────┴─────────────────────────────┴─────────────────────────────┴───────────┴───────────┘`;
const EMPTY_QUEUE_LIST = `┌────┬──────┬────────────┬─────────────┬───────────┬───────────┐
│ id │ name │ created_on │ modified_on │ producers │ consumers │
└────┴──────┴────────────┴─────────────┴───────────┴───────────┘`;

// what unstable_readConfig gives for [env.production]
const PRODUCTION = {
  d1_databases: [{ binding: "DB", database_name: "storefront", migrations_dir: "migrations" }],
  r2_buckets: [{ binding: "PICTURES", bucket_name: "storefront-pictures" }],
  queues: {
    producers: [{ binding: "VISITS", queue: "storefront-visits" }],
    consumers: [{ queue: "storefront-visits", max_batch_size: 100, max_batch_timeout: 1 }],
  },
};

test("arguments: production by default, staging on request, anything else refused with the usage", () => {
  assert.deepEqual(parseDeployArgs([]), { env: "production", dryRun: false, location: null });
  assert.deepEqual(parseDeployArgs(["--env", "staging", "--dry-run"]), {
    env: "staging",
    dryRun: true,
    location: null,
  });
  assert.deepEqual(parseDeployArgs(["--env=production", "--location=apac"]), {
    env: "production",
    dryRun: false,
    location: "apac",
  });
  assert.throws(() => parseDeployArgs(["--env", "prod"]), /--env must be one of staging, production\nusage:/);
  assert.throws(() => parseDeployArgs(["--force"]), /unknown argument --force/);
  assert.throws(() => parseDeployArgs(["--location", "mars"]), /--location must be one of/);
});

test("an environment's resources: its database, bucket and queue, each once", () => {
  assert.deepEqual(resourcesOf(PRODUCTION), [
    { kind: "d1", name: "storefront", binding: "DB" },
    { kind: "r2", name: "storefront-pictures", binding: "PICTURES" },
    { kind: "queue", name: "storefront-visits", binding: "VISITS" },
  ]);
  assert.deepEqual(resourcesOf({}), []);
});

test("wrangler's listings parse to names", () => {
  assert.deepEqual(parseD1List(D1_LIST), ["storefront", "blog"]);
  assert.deepEqual(parseR2BucketList(R2_LIST), ["storefront-pictures-staging", "photos"]);
  assert.deepEqual(parseQueueList(QUEUE_LIST), ["storefront-visits", "storefront-visits-staging"]);
  assert.deepEqual(parseQueueList(EMPTY_QUEUE_LIST), []);
  assert.deepEqual(parseSecretList('[\n  { "name": "SESSION_SECRET", "type": "secret_text" }\n]'), ["SESSION_SECRET"]);
  assert.throws(() => extractJson("✘ [ERROR] Authentication error [code: 10000]"), /no JSON/);
});

test("only what the account lacks is created, by the name in wrangler.toml", () => {
  const existing = { d1: parseD1List(D1_LIST), r2: parseR2BucketList(R2_LIST), queue: parseQueueList(QUEUE_LIST) };
  const plan = planResources(resourcesOf(PRODUCTION), existing, { location: "apac" });
  assert.deepEqual(
    plan.map((r) => [r.name, r.exists, r.create.join(" ")]),
    [
      ["storefront", true, "d1 create storefront --location apac"],
      ["storefront-pictures", false, "r2 bucket create storefront-pictures --location apac"],
      ["storefront-visits", true, "queues create storefront-visits"],
    ],
  );
});

test("a dry run does not know what exists: every resource is 'if missing'", () => {
  const plan = planResources(resourcesOf(PRODUCTION), {});
  assert.deepEqual(
    plan.map((r) => r.exists),
    [null, null, null],
  );
  assert.deepEqual(plan[0].create, ["d1", "create", "storefront"]);
});

test("secrets: the documented ones, SESSION_SECRET required, a missing Stripe key warned about", () => {
  const documented = secretNamesOf(
    "# comment\nSESSION_SECRET=change-me\n# Stripe\nSTRIPE_SECRET_KEY=\nSTRIPE_WEBHOOK_SECRET=\n",
  );
  assert.deepEqual(documented, ["SESSION_SECRET", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]);

  const none = checkSecrets([], documented);
  assert.deepEqual(none.missingRequired, ["SESSION_SECRET"]);
  assert.deepEqual(none.missingOptional, ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]);
  assert.match(none.warnings[0], /demo payment mode/);

  const keyOnly = checkSecrets(["SESSION_SECRET", "STRIPE_SECRET_KEY"], documented);
  assert.deepEqual(keyOnly.missingRequired, []);
  assert.match(keyOnly.warnings[0], /never marked paid/);

  assert.deepEqual(checkSecrets(documented, documented), { missingRequired: [], missingOptional: [], warnings: [] });
  assert.deepEqual(checkSecrets(null, documented).missingRequired, [], "a dry run cannot know: it stops for nothing");
});

test("a Worker never deployed is told apart from a failed listing", () => {
  assert.ok(
    isWorkerNotFound(
      '✘ [ERROR] Worker "social-storefront-production" (env: production) not found.\n\nIf this is a new Worker…',
    ),
  );
  assert.ok(!isWorkerNotFound("✘ [ERROR] A request to the Cloudflare API failed. Authentication error [code: 10000]"));
});

test("the release: migrations remotely, then the deploy; the dry run builds to disk with a metafile", () => {
  assert.deepEqual(releaseCommands({ env: "staging", binding: "DB" }), {
    migrate: ["d1", "migrations", "apply", "DB", "--remote", "--env", "staging"],
    deploy: ["deploy", "--env", "staging"],
    build: ["deploy", "--env", "staging", "--dry-run", "--outdir", ".wrangler/deploy/staging", "--metafile"],
    deployLinks: ["deploy", "-c", "wrangler.links.toml", "--env", "staging"],
    buildLinks: [
      "deploy",
      "-c",
      "wrangler.links.toml",
      "--env",
      "staging",
      "--dry-run",
      "--outdir",
      ".wrangler/deploy/staging-links",
      "--metafile",
    ],
  });
});
