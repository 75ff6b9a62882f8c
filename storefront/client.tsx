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

// data-hydrated marks an island that answers taps now (browser tests wait for it)
for (const el of document.querySelectorAll<HTMLElement>("[data-island]")) {
  islands[el.dataset.island!]?.().then((component) => {
    hydrate(h(component, JSON.parse(el.dataset.props ?? "{}")), el);
    el.dataset.hydrated = "";
  });
}
