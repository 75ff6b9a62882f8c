// The one client bundle: hydrates each island the server marked with data-island.
import { h, hydrate, type ComponentType } from "preact";
import { Countdown } from "./islands/countdown";
import { ShareButton } from "./islands/share-button";

const islands: Record<string, ComponentType<any>> = { Countdown, ShareButton };

for (const el of document.querySelectorAll<HTMLElement>("[data-island]")) {
  const component = islands[el.dataset.island!];
  if (component) hydrate(h(component, JSON.parse(el.dataset.props ?? "{}")), el);
}
