// The benchmark's bare front door: every request passed, unchanged, to the Worker behind it through a
// service binding, as the short-link Worker passes the store's pages (worker/short-links.ts). With the
// bare worker behind it, it measures what that hop costs on this runtime.
export default {
  fetch: (request, env) => env.BEHIND.fetch(request),
} satisfies ExportedHandler<{ BEHIND: Fetcher }>;
