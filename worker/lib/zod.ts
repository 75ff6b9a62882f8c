// zod as the worker bundles it: wrangler.toml's [alias] (and vitest.config.ts's, so tests run the
// same) send every `import … from "zod"` here. @hono/zod-openapi hands the whole `z` namespace to
// zod-to-openapi, so esbuild keeps every export of it: with zod's own entry that is 40 translations
// of its error messages, JSON Schema import and export and the schema compiler, ~320 KiB of the
// minified bundle (BENCHMARKS.md) that every cold isolate parses. This namespace is zod's classic
// API without those; the schemas, checks, parsing and errors are zod's own modules, unchanged.
import * as z from "./zod-classic";

export * from "./zod-classic";
export { z, z as default };
