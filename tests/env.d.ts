declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** tests/fixtures/*, base64 (vitest.config.ts): pictures for the upload tests. */
    FIXTURES: Record<string, string>;
  }
}
