// The merchant's product form: every field of a product, each zod issue shown under its field.
import { useState } from "preact/hooks";
import type { ProductView } from "../../core/contract/product";
import { GROUP_HOURS, GROUP_PER_USER_LIMIT, GROUP_SIZE } from "../../core/rules/group-seats";
import { fromWallTime, toWallTime } from "../../core/rules/zoned-time";
import { api, issuesByField, send } from "../api-client";
import { AdminField, SaveOutcome, fieldId, type SaveState } from "../components/admin-field";
import { AdminPictures } from "../components/admin-pictures";
import { bpToPercentText, percentToBp, yuanToCents } from "../form-values";
import { formatCny } from "../format";
import { ta } from "../i18n";

export type AdminProductFormProps = {
  /** null: a new product. */
  product: ProductView | null;
  timeZone: string;
  defaults: { commission_bp: number; commission_l2_bp: number; bargain_floor_cents: number; bargain_helpers: number };
  /** Pictures shipped with the store, offered beside the uploads. */
  pictures: string[];
};

/** Text of each field by its API path, and the switches. */
type Values = Record<string, string | boolean> & {
  bargainOn: boolean;
  flashOn: boolean;
  groupOn: boolean;
  clearanceOn: boolean;
  active: boolean;
};

const HOUR_MS = 3600_000;

function initialValues(p: ProductView | null, props: AdminProductFormProps): Values {
  const wall = (iso: string | undefined) => (iso ? toWallTime(Date.parse(iso), props.timeZone) : "");
  return {
    title: p?.title ?? "",
    slug: p?.slug ?? "",
    description: p?.description ?? "",
    price_cents: p ? formatCny(p.price_cents, { plain: true }) : "",
    stock: p ? String(p.stock) : "",
    commission_bp: p ? bpToPercentText(p.commission_bp) : "",
    commission_l2_bp: p ? bpToPercentText(p.commission_l2_bp) : "",
    bargainOn: Boolean(p?.bargain),
    "bargain.floor_cents": formatCny(p?.bargain?.floor_cents ?? props.defaults.bargain_floor_cents, { plain: true }),
    "bargain.helpers": String(p?.bargain?.helpers ?? props.defaults.bargain_helpers),
    flashOn: Boolean(p?.flash_sale),
    "flash_sale.price_cents": p?.flash_sale ? formatCny(p.flash_sale.price_cents, { plain: true }) : "",
    "flash_sale.starts_at": wall(p?.flash_sale?.starts_at),
    "flash_sale.ends_at": wall(p?.flash_sale?.ends_at),
    "flash_sale.stock": p?.flash_sale ? String(p.flash_sale.stock) : "",
    groupOn: Boolean(p?.group),
    "group.size": String(p?.group?.size ?? GROUP_SIZE.default),
    "group.price_cents": p?.group ? formatCny(p.group.price_cents, { plain: true }) : "",
    "group.hours": String(p?.group?.hours ?? GROUP_HOURS.default),
    "group.per_user_limit": String(p?.group?.per_user_limit ?? GROUP_PER_USER_LIMIT.default),
    "group.virtual_fill_at": p?.group?.virtual_fill_at ? String(p.group.virtual_fill_at) : "",
    clearanceOn: Boolean(p?.clearance),
    "clearance.price_cents": p?.clearance ? formatCny(p.clearance.price_cents, { plain: true }) : "",
    active: p?.active ?? true,
  };
}

/** The form's text and pictures as the API's body; fields that do not parse become local errors instead. */
function toBody(v: Values, images: string[], timeZone: string, isNew: boolean) {
  const errors: Record<string, string> = {};
  const parse = (name: string, parser: (s: string) => number) => {
    const n = parser(String(v[name]));
    if (Number.isNaN(n)) errors[name] = ta.fieldErrors[name] ?? ta.fixFields;
    return n;
  };
  const int = (s: string) => (/^\s*\d{1,9}\s*$/.test(s) ? Number(s) : Number.NaN);
  const time = (s: string) => fromWallTime(s, timeZone);
  const optionalBp = (name: string) => (isNew && String(v[name]).trim() === "" ? undefined : parse(name, percentToBp));
  const body = {
    title: String(v.title).trim(),
    ...(String(v.slug).trim() ? { slug: String(v.slug).trim() } : {}),
    description: String(v.description),
    images,
    price_cents: parse("price_cents", yuanToCents),
    stock: parse("stock", int),
    commission_bp: optionalBp("commission_bp"),
    commission_l2_bp: optionalBp("commission_l2_bp"),
    bargain: v.bargainOn
      ? { floor_cents: parse("bargain.floor_cents", yuanToCents), helpers: parse("bargain.helpers", int) }
      : null,
    flash_sale: v.flashOn
      ? {
          price_cents: parse("flash_sale.price_cents", yuanToCents),
          starts_at: new Date(parse("flash_sale.starts_at", time) || 0).toISOString(),
          ends_at: new Date(parse("flash_sale.ends_at", time) || 0).toISOString(),
          stock: parse("flash_sale.stock", int),
        }
      : null,
    group: v.groupOn
      ? {
          size: parse("group.size", int),
          price_cents: parse("group.price_cents", yuanToCents),
          hours: parse("group.hours", int),
          per_user_limit: parse("group.per_user_limit", int),
          virtual_fill_at:
            String(v["group.virtual_fill_at"]).trim() === "" ? null : parse("group.virtual_fill_at", int),
        }
      : null,
    clearance: v.clearanceOn ? { price_cents: parse("clearance.price_cents", yuanToCents) } : null,
    active: v.active,
  };
  return { body, errors };
}

export function AdminProductForm(props: AdminProductFormProps) {
  const p = props.product;
  const [v, setV] = useState<Values>(() => initialValues(p, props));
  const [images, setImages] = useState<string[]>(p?.images ?? []);
  const [uploading, setUploading] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<SaveState>("idle");
  const set = (name: string, value: string | boolean) => setV((old) => ({ ...old, [name]: value }) as Values);

  function toggleFlash(on: boolean) {
    set("flashOn", on);
    if (on && !v["flash_sale.starts_at"]) {
      const start = Math.ceil(Date.now() / HOUR_MS) * HOUR_MS - HOUR_MS;
      set("flash_sale.starts_at", toWallTime(start, props.timeZone));
      set("flash_sale.ends_at", toWallTime(start + 24 * HOUR_MS, props.timeZone));
    }
  }

  async function save(event: Event) {
    event.preventDefault();
    const { body, errors: local } = toBody(v, images, props.timeZone, p === null);
    setErrors(local);
    if (Object.keys(local).length > 0) return setState("invalid");
    setState("busy");
    const res = await send(
      p
        ? api.admin.products[":id"].$patch({ param: { id: String(p.id) }, json: body })
        : api.admin.products.$post({ json: body }),
    );
    if (res.ok) {
      if (!p) return void (location.href = `/admin/products/${res.body.product.id}?created=1`);
      return setState("saved");
    }
    const byField = issuesByField(res.issues);
    if (res.code === "slug_taken") byField.slug = ta.fieldErrors.slug!;
    // a picture's own issue (images.3) is shown under the pictures
    const field = (k: string) => (k.startsWith("images.") ? "images" : k);
    setErrors(Object.fromEntries(Object.keys(byField).map((k) => [field(k), ta.fieldErrors[field(k)] ?? byField[k]!])));
    setState(Object.keys(byField).length ? "invalid" : "failed");
  }

  const f = ta.fields;
  const text = (name: string, attrs: Record<string, unknown> = {}, hint?: string) => (
    <AdminField name={name} label={f[name] ?? name} error={errors[name]} hint={hint}>
      <input
        id={fieldId(name)}
        name={name}
        value={v[name] as string}
        onInput={(e) => set(name, (e.currentTarget as HTMLInputElement).value)}
        aria-invalid={errors[name] ? "true" : undefined}
        {...attrs}
      />
    </AdminField>
  );
  const money = { inputMode: "decimal", placeholder: "0.00" };
  const whole = { inputMode: "numeric" };
  const check = (
    name: "bargainOn" | "flashOn" | "groupOn" | "clearanceOn" | "active",
    label: string,
    onChange = (on: boolean) => set(name, on),
  ) => (
    <AdminField name={name} label={label} check>
      <input
        type="checkbox"
        name={name}
        checked={v[name]}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
    </AdminField>
  );
  const s = ta.products.sections;
  const orphans = Object.keys(errors).filter((k) => k !== "images" && !(k in initialValues(null, props)));

  async function setActive(active: boolean) {
    setState("busy");
    const res = await send(api.admin.products[":id"].$patch({ param: { id: String(p!.id) }, json: { active } }));
    if (res.ok) return void location.reload();
    setState("failed");
  }

  return (
    <form class="a-form" method="post" onSubmit={save} noValidate>
      <fieldset>
        <legend>{s.basic}</legend>
        {text("title", { maxLength: 80 })}
        <AdminField name="description" label={f.description!} error={errors.description}>
          <textarea
            id={fieldId("description")}
            name="description"
            rows={4}
            value={String(v.description)}
            onInput={(e) => set("description", (e.currentTarget as HTMLTextAreaElement).value)}
          />
        </AdminField>
        <AdminField name="images" label={f.images!}>
          <AdminPictures
            images={images}
            setImages={setImages}
            onUploading={setUploading}
            storePictures={props.pictures}
            error={errors.images}
          />
        </AdminField>
        {text("slug", { placeholder: "tea-2026", autoCapitalize: "off" })}
      </fieldset>
      <fieldset>
        <legend>{s.money}</legend>
        <div class="cols">
          {text("price_cents", money)}
          {text("stock", whole)}
        </div>
        {check("active", f.active!)}
      </fieldset>
      <fieldset>
        <legend>{s.commission}</legend>
        <div class="cols">
          {(["commission_bp", "commission_l2_bp"] as const).map((name) => {
            const fallback = bpToPercentText(props.defaults[name]);
            return text(
              name,
              { ...money, placeholder: fallback },
              p ? undefined : ta.products.commissionDefault(fallback),
            );
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{s.flash}</legend>
        {check("flashOn", f.flash_sale!, toggleFlash)}
        {v.flashOn && (
          <div class="cols">
            {text("flash_sale.price_cents", money)}
            {text("flash_sale.stock", whole)}
            {text("flash_sale.starts_at", { type: "datetime-local" }, ta.products.timeZoneNote(props.timeZone))}
            {text("flash_sale.ends_at", { type: "datetime-local" })}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>{s.bargain}</legend>
        {check("bargainOn", f.bargain!)}
        {v.bargainOn && (
          <div class="cols">
            {text("bargain.floor_cents", money)}
            {text("bargain.helpers", whole)}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>{s.group}</legend>
        {check("groupOn", f.group!)}
        {v.groupOn && (
          <>
            <div class="cols">
              {text("group.price_cents", money)}
              {text("group.size", whole)}
              {text("group.hours", whole)}
              {text("group.per_user_limit", whole)}
              {text("group.virtual_fill_at", whole, ta.products.virtualFillHint)}
            </div>
            {p?.group && <p class="muted">{ta.products.groupNote}</p>}
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{s.clearance}</legend>
        {check("clearanceOn", f.clearance!)}
        {v.clearanceOn && <div class="cols">{text("clearance.price_cents", money)}</div>}
      </fieldset>
      <div class="a-bar">
        {/* saving waits for the pictures under way: the product would be saved without them */}
        <button type="submit" class="btn" disabled={state === "busy" || uploading > 0}>
          {state === "busy" ? ta.saving : p ? ta.save : ta.products.create}
        </button>
        <SaveOutcome state={state} />
        {p && (
          <button type="button" class="btn btn-line" disabled={state === "busy"} onClick={() => setActive(!p.active)}>
            {p.active ? ta.products.archive : ta.products.restore}
          </button>
        )}
      </div>
      {orphans.map((k) => (
        <p class="error" role="alert">{`${k || "?"}: ${errors[k]}`}</p>
      ))}
    </form>
  );
}
