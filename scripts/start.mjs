// `npm start`: a local secret if there is none, the islands bundle, migrations, seed, then the store
// behind its short-link Worker (scripts/wrangler.mjs, DEV_CONFIGS).
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { DEV_CONFIGS, persistArgs, wrangler } from "./wrangler.mjs";

if (!existsSync(".dev.vars")) {
  writeFileSync(".dev.vars", `SESSION_SECRET=${randomBytes(32).toString("hex")}\n`);
  console.log("created .dev.vars with a random SESSION_SECRET");
}
await import("./build-client.mjs");
wrangler(["d1", "migrations", "apply", "DB", "--local", ...persistArgs()]);
await import("./seed.mjs");
wrangler(["dev", ...DEV_CONFIGS, "--port", process.env.PORT ?? "8787", "--ip", "127.0.0.1", ...persistArgs()]);
