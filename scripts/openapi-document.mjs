// Writes the API's OpenAPI document to a file without starting the store: the worker's `api` router,
// bundled for Node by esbuild, asked for its document. `npm run lint:api` lints what this writes.
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT_DIR = join(ROOT, ".wrangler", "openapi");
const out = process.argv[2] ?? join(OUT_DIR, "openapi.json");

mkdirSync(OUT_DIR, { recursive: true });
const bundle = join(OUT_DIR, "document.mjs");
await build({
  stdin: {
    contents: `export { api } from "./worker/index.ts"; export { OPENAPI_DOCUMENT } from "./worker/openapi.ts";`,
    resolveDir: ROOT,
    loader: "ts",
  },
  bundle: true,
  platform: "node",
  format: "esm",
  jsx: "automatic",
  jsxImportSource: "preact",
  outfile: bundle,
  logLevel: "warning",
  plugins: [
    {
      // workerd's own module, for the VisitInbox entrypoint class; the document never runs it
      name: "cloudflare-workers-stub",
      setup(b) {
        b.onResolve({ filter: /^cloudflare:workers$/ }, () => ({ path: "cloudflare:workers", namespace: "stub" }));
        b.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: "export class WorkerEntrypoint {}" }));
      },
    },
  ],
});
const { api, OPENAPI_DOCUMENT } = await import(pathToFileURL(bundle).href);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(api.getOpenAPI31Document(OPENAPI_DOCUMENT), null, 2));
console.log(`wrote ${out}`);
