import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Test pictures reach workerd as a JSON binding of base64 strings: tests cannot read the disk.
const FIXTURES = Object.fromEntries(
  readdirSync("./tests/fixtures").map((f) => [f, readFileSync(`./tests/fixtures/${f}`).toString("base64")]),
);

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations("./migrations"),
          SESSION_SECRET: "test-secret-not-for-production",
          // webhooks are verified in tests; without STRIPE_SECRET_KEY orders use demo payment
          STRIPE_WEBHOOK_SECRET: "whsec_test_secret",
          FIXTURES,
        },
      },
    }),
  ],
  resolve: {
    alias: [
      // as wrangler.toml's [alias]: the tests run the zod the worker bundles (worker/lib/zod.ts)
      { find: /^zod$/, replacement: fileURLToPath(new URL("./worker/lib/zod.ts", import.meta.url)) },
      // the worker loads its renderer as a separate module in production (worker/picture-renderer.ts); tests
      // run the TypeScript source, never a stale build
      {
        find: /^\.\/lazy\/render\.mjs$/,
        replacement: fileURLToPath(new URL("./worker/render/entry.ts", import.meta.url)),
      },
    ],
  },
  oxc: { jsx: { runtime: "automatic" as const, importSource: "preact" } },
  test: {
    setupFiles: ["./tests/apply-migrations.ts"],
    include: ["tests/**/*.test.ts"],
    // the worker's structured log lines (worker/lib/log.ts) are for Workers Logs, not the test report
    onConsoleLog: (log: string) => !log.startsWith('{"level":'),
  },
}));
