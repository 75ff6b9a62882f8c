// One labelled form field of an admin form, with its error (from zod's issue path) right under it.
import type { ComponentChildren } from "preact";
import { ta } from "../i18n";

export type AdminFieldProps = {
  /** The dotted path of the API field it edits (`flash_sale.price_cents`): its id and error key. */
  name: string;
  label: string;
  error?: string;
  hint?: ComponentChildren;
  children: ComponentChildren;
  check?: boolean;
};

export const fieldId = (name: string) => `f-${name.replaceAll(".", "-")}`;

export function AdminField(props: AdminFieldProps) {
  const id = fieldId(props.name);
  return (
    <div class={`f${props.check ? " check" : ""}${props.error ? " bad" : ""}`} data-field={props.name}>
      {props.check ? (
        <label>
          {props.children}
          {props.label}
        </label>
      ) : (
        <>
          <label for={id}>{props.label}</label>
          {props.children}
        </>
      )}
      {props.error ? (
        <p class="err" id={`${id}-err`} role="alert">
          {props.error}
        </p>
      ) : (
        props.hint && <p class="hint">{props.hint}</p>
      )}
    </div>
  );
}

export type SaveState = "idle" | "busy" | "saved" | "invalid" | "failed";

/** What became of an admin form's last save, beside its button: read out to a screen reader. */
export function SaveOutcome({ state }: { state: SaveState }) {
  if (state === "saved") {
    return (
      <span class="ok" role="status">
        {ta.saved}
      </span>
    );
  }
  if (state !== "invalid" && state !== "failed") return null;
  return (
    <span class="error" role="alert">
      {state === "invalid" ? ta.fixFields : ta.failed}
    </span>
  );
}
