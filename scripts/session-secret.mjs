// `npm run session-secret -- [--env staging|production] [--dry-run]`: puts one fresh random
// SESSION_SECRET on the deployed store and on its short-link Worker (wrangler.links.toml), which signs
// the attribution cookie the store reads, so both hold the same value and nobody needs to know it.
// Run it again to rotate the secret: every shopper and the merchant then sign in again.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { LINKS_CONFIG, parseArgs } from "./deploy-plan.mjs";

const USAGE = `usage: npm run session-secret -- [--env staging|production] [--dry-run]`;
let options;
try {
  options = parseArgs(process.argv.slice(2), USAGE);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
const { env, dryRun } = options;
const secret = randomBytes(32).toString("hex");
for (const config of [[], ["-c", LINKS_CONFIG]]) {
  const args = ["secret", "put", "SESSION_SECRET", ...config, "--env", env];
  console.log(`${dryRun ? "(dry run) " : ""}$ wrangler ${args.join(" ")}   (the value on standard input)`);
  if (dryRun) continue;
  const put = spawnSync("wrangler", args, {
    input: `${secret}\n`,
    stdio: ["pipe", "inherit", "inherit"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (put.status !== 0) {
    console.error("✖ wrangler secret put failed (its message is above); run this again once it is fixed.");
    process.exit(1);
  }
}
