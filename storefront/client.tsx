// Hydrates each island the server marked with data-island (components/island.tsx), from the
// registry the build generates (scripts/build-client.mjs). In the shoppers' bundle each island is
// its own chunk, fetched only by pages that show it, so a product page carries no checkout code.
import { h, hydrate, type FunctionComponent } from "preact";

// props arrive as JSON from the page; each island's own type checked them on the server
type Loader = () => Promise<FunctionComponent<never>>;

// A tap on an island whose chunk has not arrived yet would do nothing: hold it, and replay it
// once the island answers (on a slow phone that can be a second after the page shows). If the
// chunk never arrives, the tap is replayed anyway and the island is left to the browser, so that
// its plain links still work.
const heldTaps = new Map<HTMLElement, HTMLElement>();
const waiting = new Set<HTMLElement>();
document.addEventListener(
  "click",
  (event) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    const island = target?.closest<HTMLElement>("[data-island]");
    if (!target || !island || !waiting.has(island)) return;
    event.preventDefault();
    event.stopPropagation();
    heldTaps.set(island, target);
  },
  true,
);

function settle(island: HTMLElement) {
  waiting.delete(island);
  const held = heldTaps.get(island);
  heldTaps.delete(island);
  held?.click();
}

/** Hydrates every island on the page; data-hydrated marks one that answers taps now (browser tests wait for it). */
export function hydrateIslands(islands: Record<string, Loader>): void {
  for (const el of document.querySelectorAll<HTMLElement>("[data-island]")) {
    const load = islands[el.dataset.island!];
    if (!load) continue;
    waiting.add(el);
    load().then(
      (component) => {
        hydrate(h(component, JSON.parse(el.dataset.props ?? "{}") as never), el);
        el.dataset.hydrated = "";
        settle(el);
      },
      () => settle(el),
    );
  }
}
