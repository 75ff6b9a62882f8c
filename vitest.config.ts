import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

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
        },
      },
    }),
  ],
  // as wrangler.toml's [alias]: the tests run the zod the worker bundles (worker/lib/zod.ts)
  resolve: { alias: [{ find: /^zod$/, replacement: new URL("./worker/lib/zod.ts", import.meta.url).pathname }] },
  oxc: { jsx: { runtime: "automatic" as const, importSource: "preact" } },
  test: {
    setupFiles: ["./tests/apply-migrations.ts"],
    include: ["tests/**/*.test.ts"],
    // the worker's structured log lines (worker/lib/log.ts) are for Workers Logs, not the test report
    onConsoleLog: (log: string) => !log.startsWith('{"level":'),
  },
}));
