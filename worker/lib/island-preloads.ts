// `<link rel="modulepreload">` for every chunk the islands on a page need, so the browser fetches
// them with app.js instead of one level after another (HTML → app.js → island → shared chunks).
// scripts/build-client.mjs writes which chunks each island needs (storefront/island-chunks.json).
import chunks from "../../storefront/island-chunks.json";

const ENTRY = '<script type="module" src="/assets/app.js"></script>';
const ISLAND = /data-island="([A-Za-z]+)"/g;
const byIsland: Record<string, string[] | undefined> = chunks;

/** The page with preload links after its app.js tag; a page without that tag is left as it is. */
export function withIslandPreloads(html: string): string {
  const at = html.indexOf(ENTRY);
  if (at < 0) return html;
  const needed = new Set<string>();
  for (const [, name] of html.matchAll(ISLAND)) for (const chunk of byIsland[name!] ?? []) needed.add(chunk);
  if (needed.size === 0) return html;
  const links = [...needed].map((href) => `<link rel="modulepreload" href="${href}"/>`).join("");
  const end = at + ENTRY.length;
  return html.slice(0, end) + links + html.slice(end);
}
