// Bundles the islands (Workers static assets), minified for phones: the shoppers' public/assets/app.js,
// and the merchant's public/assets/admin.js, which only the admin pages load. Each bundle's registry
// of islands is generated here from storefront/islands/: a file `checkin-button.tsx` is the island
// `CheckinButton` (its export of that name); admin-*.tsx go to the admin bundle, the rest to shoppers'.
import { build } from "esbuild";
import { readdirSync, rmSync } from "node:fs";

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
}
