// Bundles the islands (Workers static assets), minified for phones: the shoppers' public/assets/app.js,
// and the merchant's public/assets/admin.js, which only the admin pages load. Each bundle's registry
// of islands is generated here from storefront/islands/: a file `checkin-button.tsx` is the island
// `CheckinButton` (its export of that name); admin-*.tsx go to the admin bundle, the rest to shoppers'.
// It also writes storefront/island-chunks.json, each shoppers' island's chunks (its own and those it
// imports), which the worker turns into modulepreload links, and builds the worker's lazy renderer
// module (worker/render/ → worker/lazy/render.mjs, see wrangler.toml).
import { build } from "esbuild";
import { readdirSync, rmSync, writeFileSync } from "node:fs";

const ISLANDS_DIR = "storefront/islands";
const pascal = (file) => file.replace(/\.tsx$/, "").replace(/(^|-)(\w)/g, (_, __, ch) => ch.toUpperCase());
const islands = readdirSync(ISLANDS_DIR)
  .filter((f) => f.endsWith(".tsx"))
  .sort()
  .map((file) => ({ file, name: pascal(file), admin: file.startsWith("admin-") }));

/** The shoppers' registry loads each island on demand: a page fetches only the chunks it shows. */
const shopEntry = `import { hydrateIslands } from "./client";
hydrateIslands({
${islands
  .filter((i) => !i.admin)
  .map((i) => `  ${i.name}: () => import("./islands/${i.file}").then((m) => m.${i.name}),`)
  .join("\n")}
});
`;

/** The merchant's islands are few and used together: one eager bundle. */
const adminEntry = `import { hydrateIslands } from "./client";
${islands
  .filter((i) => i.admin)
  .map((i) => `import { ${i.name} } from "./islands/${i.file}";`)
  .join("\n")}
hydrateIslands({
${islands
  .filter((i) => i.admin)
  .map((i) => `  ${i.name}: async () => ${i.name},`)
  .join("\n")}
});
`;

const BUNDLES = [
  // split: the loader plus one chunk per island and the shared preact/strings chunks
  { name: "app", contents: shopEntry, splitting: true },
  { name: "admin", contents: adminEntry, splitting: false },
];

/**
 * Each island's chunk and every chunk it imports, transitively, as URL paths: a page that shows the
 * island can ask for them all at once instead of one level after another.
 * @param outputs esbuild's metafile outputs of the split bundle
 */
function islandChunks(outputs) {
  const url = (file) => `/${file.replace(/^public\//, "")}`;
  const closure = (file, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const i of outputs[file]?.imports ?? []) if (i.kind === "import-statement") closure(i.path, seen);
    return seen;
  };
  const byIsland = {};
  for (const [file, output] of Object.entries(outputs)) {
    const island = islands.find((i) => output.entryPoint === `storefront/islands/${i.file}`);
    if (island) byIsland[island.name] = [...closure(file)].map(url);
  }
  return byIsland;
}

rmSync("public/assets", { recursive: true, force: true });
for (const bundle of BUNDLES) {
  const result = await build({
    stdin: {
      contents: bundle.contents,
      resolveDir: "storefront",
      sourcefile: `${bundle.name}-entry.tsx`,
      loader: "tsx",
    },
    splitting: bundle.splitting,
    outdir: "public/assets",
    entryNames: bundle.name,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    jsx: "automatic",
    jsxImportSource: "preact",
    metafile: true,
    logLevel: "warning",
  });
  const outputs = Object.entries(result.metafile.outputs);
  const bytes = outputs.reduce((n, [, o]) => n + o.bytes, 0);
  console.log(`built ${bundle.name}: ${outputs.length} file(s), ${bytes} bytes`);
  // islands read the contract's types, never its schemas: one runtime import of core/contract pulls
  // all of zod (~450 KB) into a phone's download
  const zod = Object.keys(result.metafile.inputs).find((input) => input.includes("node_modules/zod/"));
  if (zod)
    throw new Error(
      `the ${bundle.name} bundle carries zod (${zod}): import constants from core/rules, types with \`import type\``,
    );
  if (bundle.splitting) {
    writeFileSync(
      "storefront/island-chunks.json",
      `${JSON.stringify(islandChunks(result.metafile.outputs), null, 2)}\n`,
    );
  }
}

// the poster and chat-card renderer: a module of its own beside the worker, loaded on first use
const renderer = await build({
  entryPoints: ["worker/render/entry.ts"],
  outfile: "worker/lazy/render.mjs",
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  metafile: true,
  logLevel: "warning",
});
console.log(`built the renderer: ${Object.values(renderer.metafile.outputs)[0].bytes} bytes`);
