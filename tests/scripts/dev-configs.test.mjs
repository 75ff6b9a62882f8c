// The two Workers' configs copied beside a .dev.vars of their own (scripts/wrangler.mjs): wrangler
// must read them as it reads the repository's, and both Workers must get the same secrets.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { unstable_readConfig } from "wrangler";
import { devConfigsIn } from "../../scripts/wrangler.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "dev-configs-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("the copies point at the repository's code, assets and migrations, beside one .dev.vars", () => {
  const args = devConfigsIn(dir, "SESSION_SECRET=abc\n");
  assert.deepEqual(args, ["-c", join(dir, "wrangler.links.toml"), "-c", join(dir, "wrangler.toml")]);
  assert.equal(readFileSync(join(dir, ".dev.vars"), "utf8"), "SESSION_SECRET=abc\n");

  const links = unstable_readConfig({ config: args[1] });
  const store = unstable_readConfig({ config: args[3] });
  const original = unstable_readConfig({ config: join(ROOT, "wrangler.toml") });
  assert.equal(links.main, resolve(ROOT, "worker/short-links.ts"));
  assert.equal(links.assets.directory, resolve(ROOT, "public"));
  assert.equal(store.main, resolve(ROOT, "worker/index.ts"));
  assert.equal(store.assets.directory, resolve(ROOT, "public"));
  assert.equal(store.base_dir, resolve(ROOT, "worker"));
  assert.equal(store.alias.zod, resolve(ROOT, "worker/lib/zod.ts"));
  assert.equal(resolve(dir, store.d1_databases[0].migrations_dir), resolve(ROOT, "migrations"));
  // everything else as in the repository's config
  assert.deepEqual(store.d1_databases[0].database_id, original.d1_databases[0].database_id);
  assert.deepEqual(store.rules, original.rules);
  assert.equal(links.services[0].service, store.name);
});
