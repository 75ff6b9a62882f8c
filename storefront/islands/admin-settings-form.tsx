// The store's settings form: each rule PRODUCT.md calls a setting, in the units a merchant thinks in.
import { useState } from "preact/hooks";
import type { SettingsPatch } from "../../core/contract/admin";
import type { StoreSettings } from "../../core/contract/settings";
import { api, issuesByField, send } from "../api-client";
import { AdminField, SaveOutcome, fieldId, type SaveState } from "../components/admin-field";
import { bpToPercentText, percentToBp, yuanToCents } from "../form-values";
import { formatCny } from "../format";
import { ta } from "../i18n";

export type AdminSettingsFormProps = { settings: StoreSettings };

type Kind = "int" | "yuan" | "percent" | "yuanList" | "zone";
type Key = keyof StoreSettings;

/** The form's sections, each setting with the unit its field is typed in. */
const SECTIONS: Array<[keyof typeof ta.settings.sections, Array<[Key, Kind]>]> = [
  [
    "store",
    [
      ["time_zone", "zone"],
      ["order_hold_minutes", "int"],
    ],
  ],
  [
    "attribution",
    [
      ["attribution_window_days", "int"],
      ["unique_visit_window_s", "int"],
    ],
  ],
  [
    "commission",
    [
      ["commission_bp", "percent"],
      ["commission_l2_bp", "percent"],
      ["commission_maturity_days", "int"],
    ],
  ],
  ["checkin", [["checkin_schedule_cents", "yuanList"]]],
  [
    "bargain",
    [
      ["bargain_floor_cents", "yuan"],
      ["bargain_helpers", "int"],
      ["bargain_ttl_hours", "int"],
      ["bargain_helps_per_day", "int"],
    ],
  ],
];

const ZONES = [
  "Asia/Shanghai",
  "Asia/Hong_Kong",
  "Asia/Taipei",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Europe/London",
  "America/New_York",
  "America/Los_Angeles",
  "UTC",
];

const show = (kind: Kind, value: StoreSettings[Key]): string =>
  kind === "yuan"
    ? formatCny(value as number, { plain: true })
    : kind === "percent"
      ? bpToPercentText(value as number)
      : kind === "yuanList"
        ? (value as number[]).map((c) => formatCny(c, { plain: true })).join(", ")
        : String(value);

const int = (s: string) => (/^\s*\d{1,9}\s*$/.test(s) ? Number(s) : Number.NaN);

function read(kind: Kind, text: string): unknown {
  if (kind === "zone") return text.trim();
  if (kind === "yuanList") {
    const list = text
      .split(/[,，\s]+/)
      .filter(Boolean)
      .map(yuanToCents);
    return list.length > 0 && list.every((n) => !Number.isNaN(n)) ? list : Number.NaN;
  }
  return (kind === "yuan" ? yuanToCents : kind === "percent" ? percentToBp : int)(text);
}

export function AdminSettingsForm(props: AdminSettingsFormProps) {
  const all = SECTIONS.flatMap(([, fields]) => fields);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(all.map(([key, kind]) => [key, show(kind, props.settings[key])])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<SaveState>("idle");
  const s = ta.settings;

  async function save(event: Event) {
    event.preventDefault();
    const body: Record<string, unknown> = {};
    const local: Record<string, string> = {};
    for (const [key, kind] of all) {
      const value = read(kind, values[key]!);
      if (typeof value === "number" && Number.isNaN(value)) local[key] = s.errors[key]!;
      body[key] = value;
    }
    setErrors(local);
    if (Object.keys(local).length) return setState("invalid");
    setState("busy");
    const res = await send(api.admin.settings.$patch({ json: body as SettingsPatch }));
    if (res.ok) {
      setValues(Object.fromEntries(all.map(([key, kind]) => [key, show(kind, res.body.settings[key])])));
      return setState("saved");
    }
    const byField = issuesByField(res.issues);
    // an issue inside the schedule (`checkin_schedule_cents.2`) belongs to the schedule's field
    const mapped = Object.fromEntries(
      Object.keys(byField).map((k) => [k.split(".")[0]!, s.errors[k.split(".")[0]!] ?? byField[k]!]),
    );
    setErrors(mapped);
    setState(Object.keys(mapped).length ? "invalid" : "failed");
  }

  return (
    <form class="a-form" method="post" onSubmit={save} noValidate>
      {SECTIONS.map(([section, fields]) => (
        <fieldset>
          <legend>{s.sections[section]}</legend>
          <div class="cols">
            {fields.map(([key, kind]) => (
              <AdminField name={key} label={s.fields[key] ?? key} error={errors[key]}>
                <input
                  id={fieldId(key)}
                  name={key}
                  value={values[key]}
                  inputMode={kind === "zone" ? undefined : kind === "int" ? "numeric" : "decimal"}
                  list={kind === "zone" ? "zones" : undefined}
                  aria-invalid={errors[key] ? "true" : undefined}
                  onInput={(e) => setValues((old) => ({ ...old, [key]: (e.currentTarget as HTMLInputElement).value }))}
                />
              </AdminField>
            ))}
          </div>
        </fieldset>
      ))}
      <datalist id="zones">
        {ZONES.map((z) => (
          <option value={z} />
        ))}
      </datalist>
      <div class="a-bar">
        <button type="submit" class="btn" disabled={state === "busy"}>
          {state === "busy" ? ta.saving : ta.save}
        </button>
        <SaveOutcome state={state} />
      </div>
    </form>
  );
}
