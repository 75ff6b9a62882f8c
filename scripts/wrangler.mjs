// Runs wrangler from the project's own node_modules with metrics off; stops the script on failure.
import { spawnSync } from "node:child_process";

/** `--persist-to DIR` when PERSIST_TO names a local store other than the default .wrangler/state. */
export const persistArgs = () => (process.env.PERSIST_TO ? ["--persist-to", process.env.PERSIST_TO] : []);

export function wrangler(args) {
  const result = spawnSync("wrangler", args, {
    stdio: "inherit",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
