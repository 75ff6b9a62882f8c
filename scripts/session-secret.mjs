// `npm run session-secret -- [--env staging|production] [--dry-run] [--rotate]`: puts one fresh random
// SESSION_SECRET on the deployed store and on its short-link Worker (wrangler.links.toml), which signs
// the attribution cookie the store reads, so both hold the same value and nobody needs to know it.
// When the store has one already it stops, unless --rotate: a new value signs every shopper and the
// merchant out, and share-link clicks made before it no longer credit their distributor.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { isWorkerNotFound, LINKS_CONFIG, linksSecretHint, parseArgs, parseSecretList } from "./deploy-plan.mjs";

const USAGE = `usage: npm run session-secret -- [--env staging|production] [--dry-run] [--rotate]`;
const argv = process.argv.slice(2);
const rotate = argv.includes("--rotate");
let options;
try {
  options = parseArgs(
    argv.filter((a) => a !== "--rotate"),
    USAGE,
  );
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
const { env, dryRun } = options;
const wranglerEnv = { ...process.env, WRANGLER_SEND_METRICS: "false" };

if (!dryRun && !rotate) {
  const list = spawnSync("wrangler", ["secret", "list", "--env", env], { encoding: "utf8", env: wranglerEnv });
  const output = `${list.stdout ?? ""}${list.stderr ?? ""}`;
  if (list.status !== 0 && !isWorkerNotFound(output)) {
    console.error(`✖ wrangler secret list failed:\n${output}`);
    process.exit(1);
  }
  if (list.status === 0 && parseSecretList(output).includes("SESSION_SECRET")) {
    console.error(`✖ the store has a SESSION_SECRET already; nothing was changed.\n${linksSecretHint(env)}`);
    process.exit(1);
  }
}
const secret = randomBytes(32).toString("hex");
for (const config of [[], ["-c", LINKS_CONFIG]]) {
  const args = ["secret", "put", "SESSION_SECRET", ...config, "--env", env];
  console.log(`${dryRun ? "(dry run) " : ""}$ wrangler ${args.join(" ")}   (the value on standard input)`);
  if (dryRun) continue;
  const put = spawnSync("wrangler", args, {
    input: `${secret}\n`,
    stdio: ["pipe", "inherit", "inherit"],
    env: wranglerEnv,
  });
  if (put.status !== 0) {
    console.error("✖ wrangler secret put failed (its message is above); run this again once it is fixed.");
    process.exit(1);
  }
}
