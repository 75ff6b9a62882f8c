// Runs wrangler from the project's own node_modules with metrics off; stops the script on failure.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** `--persist-to DIR` when PERSIST_TO names a local store other than the default .wrangler/state. */
export const persistArgs = () => (process.env.PERSIST_TO ? ["--persist-to", process.env.PERSIST_TO] : []);

/**
 * The configs `wrangler dev` runs for the store: the short-link Worker first (it answers the port, and
 * passes everything but a tap on /s/:code to the store), then the store (wrangler.links.toml).
 */
export const DEV_CONFIGS = ["-c", "wrangler.links.toml", "-c", "wrangler.toml"];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The keys of the two configs whose values are paths, relative to the config's folder. */
const PATH_VALUE = /^(\s*(?:main|base_dir|directory|migrations_dir)\s*=\s*)"([^"]+)"/gm;
const ALIAS_VALUE = /^("[^"]+"\s*=\s*)"(\.\/[^"]+)"/gm;

/**
 * DEV_CONFIGS with secrets of their own: `wrangler dev` gives `--env-file` to its first Worker only,
 * and every other reads the `.dev.vars` beside its config. So the two configs are copied into `dir`
 * (their paths made absolute) beside a `.dev.vars` holding `devVars`: both Workers read the same.
 * @returns the `-c` arguments for `wrangler dev`
 */
export function devConfigsIn(dir, devVars) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, ".dev.vars"), devVars);
  const args = [];
  for (const [flag, file] of [DEV_CONFIGS.slice(0, 2), DEV_CONFIGS.slice(2)]) {
    const config = readFileSync(join(ROOT, file), "utf8")
      .replace(PATH_VALUE, (_, key, path) => `${key}${JSON.stringify(resolve(ROOT, path))}`)
      .replace(ALIAS_VALUE, (_, key, path) => `${key}${JSON.stringify(resolve(ROOT, path))}`);
    writeFileSync(join(dir, file), config);
    args.push(flag, join(dir, file));
  }
  return args;
}

export function wrangler(args) {
  const result = spawnSync("wrangler", args, {
    stdio: "inherit",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
