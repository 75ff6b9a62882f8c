// The linter: TypeScript's recommended rules, and the layout's import directions (../shared/STYLE.md):
// core/ imports nothing of the repo; db/ imports core/; storefront/ imports core/ (and the API's
// type from worker/index.ts, for hono/client); nothing but tests and the bench imports worker/.
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

const layer = (dir) => `./${dir}`;

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "public/assets/",
      ".wrangler/",
      "worker-configuration.d.ts",
      "test-results/",
      "bench/cold-start/dist/",
      // built by scripts/build-client.mjs
      "worker/lazy/",
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver()] },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "import-x/no-duplicates": "error",
      "import-x/order": [
        "error",
        {
          groups: [
            ["builtin", "external"],
            ["parent", "sibling", "index"],
          ],
          "newlines-between": "never",
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
      // *.bundle.js: the production bundles npm run bench builds for the cold-start harness
      "import-x/no-unresolved": ["error", { ignore: ["^cloudflare:", "^node:", "\\.bundle\\.js$"] }],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: layer("core"),
              from: ["db", "worker", "storefront", "tests", "bench", "scripts"].map(layer),
              message: "core/ imports nothing of the repo",
            },
            { target: layer("db"), from: ["worker", "storefront"].map(layer), message: "db/ imports core/ only" },
            { target: layer("storefront"), from: layer("db"), message: "storefront/ imports core/, never db/" },
            {
              target: layer("storefront"),
              from: layer("worker"),
              except: ["./index.ts"],
              message: "storefront/ imports core/, never worker/ (only the API's type, from worker/index.ts)",
            },
          ],
        },
      ],
    },
  },
  {
    // the API's type may cross into storefront/ for hono/client; its code may not
    files: ["storefront/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ regex: "(^|/)worker/", allowTypeImports: true, message: "only `import type` from worker/" }] },
      ],
    },
  },
  {
    // global declarations: a top-level import would make them modules
    files: ["**/*.d.ts"],
    rules: { "@typescript-eslint/consistent-type-imports": "off" },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
