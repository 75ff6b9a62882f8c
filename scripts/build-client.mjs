// Bundles the islands into public/assets/app.js (Workers static assets), minified for phones.
import { build } from "esbuild";

const result = await build({
  entryPoints: ["storefront/client.tsx"],
  outfile: "public/assets/app.js",
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  jsx: "automatic",
  jsxImportSource: "preact",
  metafile: true,
  logLevel: "warning",
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`built public/assets/app.js (${bytes} bytes)`);
