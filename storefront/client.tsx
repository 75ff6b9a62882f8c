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
// once the island answers (on a slow phone that can be a second after the page shows).
const heldTaps = new Map<HTMLElement, HTMLElement>();
document.addEventListener(
  "click",
  (event) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    const island = target?.closest<HTMLElement>("[data-island]");
    if (!target || !island || island.dataset.hydrated !== undefined || !islands[island.dataset.island!]) return;
    event.preventDefault();
    event.stopPropagation();
    heldTaps.set(island, target);
  },
  true,
);

// data-hydrated marks an island that answers taps now (browser tests wait for it)
for (const el of document.querySelectorAll<HTMLElement>("[data-island]")) {
  islands[el.dataset.island!]?.().then((component) => {
    hydrate(h(component, JSON.parse(el.dataset.props ?? "{}")), el);
    el.dataset.hydrated = "";
    const held = heldTaps.get(el);
    heldTaps.delete(el);
    held?.click();
  });
}
