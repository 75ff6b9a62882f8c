// The one client bundle: hydrates each island the server marked with data-island.
import { h, hydrate, type ComponentType } from "preact";
import { BargainHelpButton } from "./islands/bargain-help-button";
import { BecomeDistributor } from "./islands/become-distributor";
import { CheckinButton } from "./islands/checkin-button";
import { CheckoutForm } from "./islands/checkout-form";
import { CopyLink } from "./islands/copy-link";
import { Countdown } from "./islands/countdown";
import { LoginForm } from "./islands/login-form";
import { ShareButton } from "./islands/share-button";
import { StartBargainButton } from "./islands/start-bargain-button";

const islands: Record<string, ComponentType<any>> = { BargainHelpButton, BecomeDistributor, CheckinButton, CheckoutForm, CopyLink, Countdown, LoginForm, ShareButton, StartBargainButton };

for (const el of document.querySelectorAll<HTMLElement>("[data-island]")) {
  const component = islands[el.dataset.island!];
  if (component) hydrate(h(component, JSON.parse(el.dataset.props ?? "{}")), el);
}
