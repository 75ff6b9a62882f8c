// A page's weight as a phone downloads it: everything but pictures that Chromium fetches from the
// store to show the page (HTML with its inline CSS, the islands loader and chunks, the JSON islands
// read), each gzipped. The same measure as `npm run bench`'s product page row.
import { gzipSync } from "node:zlib";

/**
 * @param {import("playwright-core").BrowserContext} context a context on the store (its cookies are the visitor's)
 * @param {string} url the page, absolute
 * @returns {Promise<{ parts: Array<{ name: string, raw: number, gz: number }>, gz: number }>}
 */
export async function pageWeight(context, url) {
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const seen = [];
  page.on("response", (r) => {
    if (r.url().startsWith(origin) && !r.url().includes("/img/")) seen.push(r);
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const parts = [];
  for (const response of seen) {
    const body = await response.body().catch(() => Buffer.alloc(0));
    const name = response.url() === url ? "HTML (inline CSS)" : new URL(response.url()).pathname;
    parts.push({ name, raw: body.length, gz: gzipSync(body).length });
  }
  await page.close();
  return { parts, gz: parts.reduce((n, p) => n + p.gz, 0) };
}
