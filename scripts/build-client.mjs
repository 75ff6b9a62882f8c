// Bundles the islands (Workers static assets), minified for phones: the shoppers' public/assets/app.js,
// and the merchant's public/assets/admin.js, which only the admin pages load.
import { rmSync } from "node:fs";
import { build } from "esbuild";

const BUNDLES = [
  // split: the loader plus one chunk per island and the shared preact/strings chunks
  { entryPoints: { app: "storefront/client.tsx" }, splitting: true },
  { entryPoints: { admin: "storefront/admin-client.tsx" }, splitting: false },
];

rmSync("public/assets", { recursive: true, force: true });
for (const bundle of BUNDLES) {
  const result = await build({
    ...bundle,
    outdir: "public/assets",
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
  console.log(`built ${Object.keys(bundle.entryPoints)[0]}: ${outputs.length} file(s), ${bytes} bytes`);
}
