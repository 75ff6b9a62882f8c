// The shoppers' bundle: hydrates each island the server marked with data-island. Each island is
// its own chunk, fetched only by pages that show it, so a product page carries no checkout code.
import { h, hydrate, type ComponentType } from "preact";

type Loader = () => Promise<ComponentType<any>>;

const islands: Record<string, Loader> = {
  BargainHelpButton: () => import("./islands/bargain-help-button").then((m) => m.BargainHelpButton),
  BecomeDistributor: () => import("./islands/become-distributor").then((m) => m.BecomeDistributor),
  CheckinButton: () => import("./islands/checkin-button").then((m) => m.CheckinButton),
  CheckoutForm: () => import("./islands/checkout-form").then((m) => m.CheckoutForm),
  CopyLink: () => import("./islands/copy-link").then((m) => m.CopyLink),
  Countdown: () => import("./islands/countdown").then((m) => m.Countdown),
  LoginForm: () => import("./islands/login-form").then((m) => m.LoginForm),
  ShareButton: () => import("./islands/share-button").then((m) => m.ShareButton),
  StartBargainButton: () => import("./islands/start-bargain-button").then((m) => m.StartBargainButton),
};

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

// data-hydrated marks an island that answers taps now (browser tests wait for it)
for (const el of document.querySelectorAll<HTMLElement>("[data-island]")) {
  const load = islands[el.dataset.island!];
  if (!load) continue;
  waiting.add(el);
  load().then(
    (component) => {
      hydrate(h(component, JSON.parse(el.dataset.props ?? "{}")), el);
      el.dataset.hydrated = "";
      settle(el);
    },
    () => settle(el),
  );
}
