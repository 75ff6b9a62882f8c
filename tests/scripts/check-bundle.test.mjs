// The bundle check groups esbuild's inputs by package, or by the project's own folder.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  BUDGET_BYTES,
  contributorOf,
  contributors,
  linksLeaks,
  LINKS_BUDGET_BYTES,
  rendererLeaks,
} from "../../scripts/check-bundle.mjs";

test("a file counts for its package, scoped or not, or for the project folder it is in", () => {
  assert.equal(contributorOf("node_modules/zod/v4/core/schemas.js"), "zod");
  assert.equal(contributorOf("node_modules/@hono/zod-openapi/dist/index.js"), "@hono/zod-openapi");
  assert.equal(contributorOf("node_modules/.pnpm/x/node_modules/stripe/esm/stripe.js"), "stripe");
  assert.equal(contributorOf("worker/routes/pages.ts"), "worker");
  assert.equal(contributorOf("../../node_modules/hono/dist/hono.js"), "hono");
});

test("contributors: summed per package, largest input first, source maps left out", () => {
  const metafile = {
    inputs: {
      "node_modules/zod/a.js": { bytes: 300 },
      "node_modules/zod/b.js": { bytes: 200 },
      "worker/index.ts": { bytes: 400 },
    },
    outputs: {
      "out/index.js": {
        bytes: 700,
        inputs: {
          "node_modules/zod/a.js": { bytesInOutput: 250 },
          "node_modules/zod/b.js": { bytesInOutput: 150 },
          "worker/index.ts": { bytesInOutput: 300 },
        },
      },
      "out/index.js.map": { bytes: 9000, inputs: {} },
    },
  };
  assert.deepEqual(contributors(metafile), [
    { name: "zod", input: 500, output: 400 },
    { name: "worker", input: 400, output: 300 },
  ]);
});

test("over budget: exits 1 and says by how much; under it: exits 0", () => {
  const dir = mkdtempSync(join(tmpdir(), "bundle-"));
  const check = (bytes, ...flags) => {
    writeFileSync(join(dir, "index.js"), Buffer.alloc(bytes, "a"));
    const metafile = {
      inputs: { "worker/index.ts": { bytes } },
      outputs: { "x/index.js": { bytes, inputs: { "worker/index.ts": { bytesInOutput: bytes } } } },
    };
    writeFileSync(join(dir, "bundle-meta.json"), JSON.stringify(metafile));
    return spawnSync(
      process.execPath,
      [fileURLToPath(new URL("../../scripts/check-bundle.mjs", import.meta.url)), dir, ...flags],
      { encoding: "utf8" },
    );
  };
  try {
    const over = check(BUDGET_BYTES + 1024);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /1\.0 KiB over its budget of 1024\.0 KiB/);
    const under = check(1024);
    assert.equal(under.status, 0, under.stderr);
    assert.match(under.stdout, /✓ within budget/);
    // the short-link Worker's budget is its own
    const linksOver = check(LINKS_BUDGET_BYTES + 2048, "--links");
    assert.equal(linksOver.status, 1);
    assert.match(linksOver.stderr, /2\.0 KiB over its budget of 48\.0 KiB/);
    assert.equal(check(LINKS_BUDGET_BYTES, "--links").status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the picture renderer and its QR encoder in the main bundle are a leak; in their own module they are not", () => {
  const metafile = {
    outputs: {
      "out/index.js": {
        inputs: { "worker/index.ts": {}, "../worker/render/canvas.ts": {}, "node_modules/uqr/dist/index.mjs": {} },
      },
      "out/lazy/render.mjs": { inputs: { "worker/render/canvas.ts": {} } },
    },
  };
  assert.deepEqual(rendererLeaks(metafile, "out/index.js"), [
    "../worker/render/canvas.ts",
    "node_modules/uqr/dist/index.mjs",
  ]);
  assert.deepEqual(
    rendererLeaks({ outputs: { "out/index.js": { inputs: { "worker/picture-renderer.ts": {} } } } }, "out/index.js"),
    [],
  );
});

test("the short-link Worker may not carry drizzle, zod, Preact, Stripe or the storefront; hono and db/ it may", () => {
  const metafile = {
    inputs: {},
    outputs: {
      "out/short-links.js": {
        inputs: {
          "node_modules/hono/dist/hono.js": { bytesInOutput: 900 },
          "db/find-link.ts": { bytesInOutput: 300 },
          "node_modules/drizzle-orm/sql/sql.js": { bytesInOutput: 500 },
          "storefront/i18n/zh-CN.ts": { bytesInOutput: 100 },
          // a type-only import leaves nothing in the bundle
          "node_modules/zod/v4/core/core.js": { bytesInOutput: 0 },
        },
      },
    },
  };
  assert.deepEqual(linksLeaks(metafile), ["drizzle-orm", "storefront"]);
});
