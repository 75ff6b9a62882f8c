// Server side of an island: renders the component and leaves what the client needs to hydrate it.
import type { ComponentChildren } from "preact";

export function Island<P extends object>(props: { name: string; props: P; children: ComponentChildren }) {
  return (
    <div data-island={props.name} data-props={JSON.stringify(props.props)}>
      {props.children}
    </div>
  );
}
