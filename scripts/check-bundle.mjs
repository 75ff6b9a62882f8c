// `node scripts/check-bundle.mjs [outdir] [--links]`: fails when the Worker bundle that `wrangler
// deploy --dry-run --outdir <outdir> --metafile` wrote is over budget, or when the picture renderer,
// which is uploaded as a module of its own (worker/lazy/), was bundled into it; prints what it is made
// of. With --links, the bundle is the short-link Worker's (wrangler.links.toml): a budget of its own,
// and none of the store's heavy parts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/**
 * The most the bundle may weigh, in wrangler's units ("Total Upload", KiB): 1 MiB, what a cold
 * isolate may parse before its first redirect (759 KiB on 2026-11-26, minified, zod without its
 * locales; it was 2.19 MB).
 */
export const BUDGET_BYTES = 1024 * 1024;
/**
 * The short-link Worker's budget: a fresh isolate's first tap within 1.5× a bare Hono worker's
 * (BENCHMARKS.md; 28 KiB on 2026-11-26 with hono/tiny, the bare worker 21 KiB).
 */
export const LINKS_BUDGET_BYTES = 48 * 1024;
/** What the short-link Worker must never carry: each would make its cold start the store's again. */
export const LINKS_FORBIDDEN = [
  "drizzle-orm",
  "zod",
  "@hono/zod-openapi",
  "preact",
  "preact-render-to-string",
  "stripe",
  "storefront",
];
const TOP = 10;

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** A package for node_modules files (`zod`, `@hono/zod-openapi`), else the project's top folder. */
export function contributorOf(path) {
  // the last node_modules in the path: a package nested inside another counts for itself
  const inModules = [...path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1);
  return inModules ? inModules[1] : path.replace(/^(\.\.\/)+/, "").split("/")[0];
}

/**
 * Sums the metafile's inputs by contributor: bytes read (`input`) and bytes left in the bundle
 * after tree-shaking and minifying (`output`), largest input first.
 */
export function contributors(metafile) {
  const totals = new Map();
  for (const [name, output] of Object.entries(metafile.outputs)) {
    if (name.endsWith(".map")) continue;
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = contributorOf(path);
      const sum = totals.get(key) ?? { name: key, input: 0, output: 0 };
      sum.input += metafile.inputs[path]?.bytes ?? 0;
      sum.output += bytesInOutput;
      totals.set(key, sum);
    }
  }
  return [...totals.values()].sort((a, b) => b.input - a.input);
}

/** Code that belongs in the lazily loaded renderer module only (wrangler.toml, worker/picture-renderer.ts). */
const RENDERER_ONLY = [/(^|\/)worker\/render\//, /(^|\/)node_modules\/uqr\//];

/** @returns the inputs of the main bundle that belong to the renderer module: none, or it leaked in. */
export function rendererLeaks(metafile, entry) {
  return Object.keys(metafile.outputs[entry]?.inputs ?? {}).filter((path) => RENDERER_ONLY.some((r) => r.test(path)));
}

/** @returns the contributors of the short-link Worker's bundle that it must not carry. */
export function linksLeaks(metafile) {
  return contributors(metafile)
    .filter((c) => c.output > 0 && LINKS_FORBIDDEN.includes(c.name))
    .map((c) => c.name);
}

function main(outdir, links) {
  const BUDGET = links ? LINKS_BUDGET_BYTES : BUDGET_BYTES;
  const metafile = JSON.parse(readFileSync(join(outdir, "bundle-meta.json"), "utf8"));
  const [entry] = Object.keys(metafile.outputs).filter((name) => name.endsWith(".js"));
  const code = readFileSync(join(outdir, entry.split("/").at(-1)));
  console.log(
    `bundle ${join(outdir, entry.split("/").at(-1))}: ${kib(code.length)}, gzipped ${kib(gzipSync(code).length)}; budget ${kib(BUDGET)}`,
  );
  console.log(`top ${TOP} contributors by input bytes (and what is left of them in the bundle):`);
  for (const c of contributors(metafile).slice(0, TOP)) {
    console.log(`  ${c.name.padEnd(32)} ${kib(c.input).padStart(11)} in  ${kib(c.output).padStart(11)} in bundle`);
  }
  const lazyDir = join(outdir, "lazy");
  for (const file of existsSync(lazyDir) ? readdirSync(lazyDir) : []) {
    const bytes = readFileSync(join(lazyDir, file));
    console.log(
      `module lazy/${file}, loaded on first use: ${kib(bytes.length)}, gzipped ${kib(gzipSync(bytes).length)}`,
    );
  }
  const leaks = rendererLeaks(metafile, entry);
  if (leaks.length > 0) {
    console.error(`✖ the renderer was bundled into the worker, not loaded on first use: ${leaks.join(", ")}`);
    process.exit(1);
  }
  const carried = links ? linksLeaks(metafile) : [];
  if (carried.length > 0) {
    console.error(`✖ the short-link Worker carries what only the store may: ${carried.join(", ")}`);
    process.exit(1);
  }
  if (code.length > BUDGET) {
    console.error(`✖ the bundle is ${kib(code.length - BUDGET)} over its budget of ${kib(BUDGET)}`);
    process.exit(1);
  }
  console.log(`✓ within budget (${kib(BUDGET - code.length)} to spare)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  main(args.find((a) => !a.startsWith("--")) ?? ".wrangler/dist", args.includes("--links"));
}
