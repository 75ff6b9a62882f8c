// The admin bundle (public/assets/admin.js): hydrates the admin pages' islands; shoppers never load it.
import { h, hydrate, type ComponentType } from "preact";
import { AdminLoginForm } from "./islands/admin-login-form";
import { AdminLogout } from "./islands/admin-logout";
import { AdminOrderActions } from "./islands/admin-order-actions";
import { AdminPayoutButton } from "./islands/admin-payout-button";
import { AdminProductForm } from "./islands/admin-product-form";
import { AdminSettingsForm } from "./islands/admin-settings-form";

const islands: Record<string, ComponentType<any>> = {
  AdminLoginForm,
  AdminLogout,
  AdminOrderActions,
  AdminPayoutButton,
  AdminProductForm,
  AdminSettingsForm,
};

// data-hydrated marks an island that answers taps now (browser tests wait for it)
for (const el of document.querySelectorAll<HTMLElement>("[data-island]")) {
  const component = islands[el.dataset.island!];
  if (component) {
    hydrate(h(component, JSON.parse(el.dataset.props ?? "{}")), el);
    el.dataset.hydrated = "";
  }
}
