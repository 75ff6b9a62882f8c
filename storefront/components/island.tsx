// Server side of an island: renders the component where it stands and leaves what the client needs
// to hydrate it. The client finds the component by its name in the registry the build generates
// from storefront/islands/ (scripts/build-client.mjs: one file an island, named after its component).
import type { FunctionComponent, VNode } from "preact";

/**
 * @param Component an island: the component exported by storefront/islands/<kebab-name>.tsx
 * @param props JSON-serialisable: they travel to the client in the page
 * @example island(CheckinButton, { todayCents: 450, checkedIn: false, streak: 0, walletCents: 0 })
 */
export function island<P extends object>(Component: FunctionComponent<P>, props: P): VNode {
  return (
    <div data-island={Component.name} data-props={JSON.stringify(props)}>
      <Component {...props} />
    </div>
  );
}
