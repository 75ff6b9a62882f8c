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
        },
      },
    }),
  ],
  oxc: { jsx: { runtime: "automatic" as const, importSource: "preact" } },
  test: {
    setupFiles: ["./tests/apply-migrations.ts"],
    include: ["tests/**/*.test.ts"],
  },
}));
