// `npm run merchant -- --env production [--dry-run]`: creates the deployed store's merchant account,
// or resets its password, from ADMIN_PHONE / ADMIN_PASSWORD or what it asks for. Only the hash
// leaves this machine; with --dry-run it prints the SQL instead of running it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { unstable_readConfig } from "wrangler";
import { parseArgs } from "./deploy-plan.mjs";
import { hashPassword, merchantProblems, revokeSessionsSql, upsertMerchantSql } from "./merchant-account.mjs";

const USAGE = `usage: ADMIN_PHONE=… ADMIN_PASSWORD=… npm run merchant -- [--env staging|production] [--dry-run]
  without ADMIN_PHONE / ADMIN_PASSWORD it asks for them (the password twice, not shown)`;

let options;
try {
  options = parseArgs(process.argv.slice(2), USAGE);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
const { env, dryRun } = options;
const [database] = unstable_readConfig({ config: "wrangler.toml", env }).d1_databases;

const { phone, password } = await credentials();
const problems = merchantProblems({ phone, password });
if (problems.length) {
  console.error(`✖ ${problems.join("\n✖ ")}`);
  process.exit(1);
}

const now = Date.now();
const sql = `${upsertMerchantSql({ phone, passwordHash: hashPassword(password), now })}\n${revokeSessionsSql(phone)}\n`;
const dir = mkdtempSync(join(tmpdir(), "merchant-"));
const file = join(dir, "merchant.sql");
const args = ["d1", "execute", database.binding, "--remote", "--env", env, "--file", file, "--yes"];
try {
  // a file, not --command: the hash stays out of the process list
  writeFileSync(file, sql, { mode: 0o600 });
  if (dryRun) {
    console.log(`(dry run) the SQL for ${database.database_name} (${env}):\n${sql}`);
    console.log(`(dry run) $ wrangler ${args.join(" ").replace(file, "<a private file with the SQL above>")}`);
  } else {
    console.log(`writing the merchant ${phone} to ${database.database_name} (${env})…`);
    const result = spawnSync("wrangler", args, {
      stdio: "inherit",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    if (result.status !== 0) {
      console.error(
        "✖ wrangler d1 execute failed (its message is above); has `npm run deploy` run for this environment?",
      );
      process.exit(1);
    }
    console.log(`✓ ${phone} is the merchant; sign in at /login. Older sessions of this account are signed out.`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** From the environment, else asked on the terminal (or read line by line from a pipe). */
async function credentials() {
  if (process.env.ADMIN_PHONE && process.env.ADMIN_PASSWORD) {
    return { phone: process.env.ADMIN_PHONE, password: process.env.ADMIN_PASSWORD };
  }
  const tty = Boolean(process.stdin.isTTY);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
  let hidden = false;
  // readline echoes what is typed through this; while a password is typed it writes nothing
  rl._writeToOutput = (text) => void (hidden ? null : process.stdout.write(text));
  const lines = tty ? null : rl[Symbol.asyncIterator]();
  const ask = async (question, secret = false) => {
    if (!tty) {
      const { value } = await lines.next();
      return value ?? "";
    }
    const answer = new Promise((resolve) => rl.question(question, resolve));
    hidden = secret;
    const text = await answer;
    if (secret) process.stdout.write("\n");
    hidden = false;
    return text;
  };
  try {
    const phone = process.env.ADMIN_PHONE || (await ask("merchant's phone (11 digits): ")).trim();
    const password = process.env.ADMIN_PASSWORD || (await ask("password (12+ characters, not shown): ", true));
    if (!process.env.ADMIN_PASSWORD && (await ask("the password again: ", true)) !== password) {
      console.error("✖ the two passwords differ");
      process.exit(1);
    }
    return { phone, password };
  } finally {
    rl.close();
  }
}
