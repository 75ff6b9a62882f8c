// The one-screen checkout: contact, quantity, wallet cash, then pay (Stripe, or the demo button). The
// form posts to /checkout itself, so it works before this island loads and without JavaScript (the
// page's handler places the order and goes on to pay, or renders the page again with the refusal
// and what was typed); once loaded, the island places the order through the API and shows it in place.
import { useMemo, useState } from "preact/hooks";
import type { PlacedOrder } from "../../core/contract/order";
import { api, send, type ApiFailure } from "../api-client";
import { OrderPanel } from "../components/order-panel";
import { formatCny } from "../format";
import { checkout } from "../i18n/zh-CN/checkout";
import { common } from "../i18n/zh-CN/common";

const t = { ...checkout, ...common };

/** What the shopper typed, as the form handler read it. */
export type CheckoutValues = { name: string; phone: string; address: string; quantity: number; useWallet: boolean };

/**
 * A refusal: its error code, the fields it names (`contact.phone`), and for a key that already placed
 * an order (idempotency_key_reused) that order's id, when the shopper may see it.
 */
export type CheckoutError = { code: string; fields: string[]; orderId?: string };

export type CheckoutFormProps = {
  productId: number;
  unitPriceCents: number;
  maxQuantity: number;
  bargainId: string | null;
  /** Opening a group of `size`, or joining one: one unit at the group price, then its page. */
  group: { open: true; size: number } | { id: string } | null;
  /** null: a guest, who cannot spend wallet cash. */
  walletCents: number | null;
  /** Where a guest signs in and comes back to this checkout. */
  loginHref: string;
  /** Made when the page was rendered, for the form and the island alike: a double submit or a refresh places one order. */
  idempotencyKey: string;
  /** What was typed, when the form handler refused it and rendered the page again. */
  values?: CheckoutValues;
  /** That refusal. */
  error?: CheckoutError | null;
};

/** The entry of checkoutFields labelling a refused field (`items.0.quantity`): itself, or the first that holds it. */
const labelledAs = (field: string) =>
  Object.keys(t.checkoutFields).find((k) => field === k || field.startsWith(`${k}.`));

function errorText(error: CheckoutError): string {
  if (error.code === "invalid_input") {
    const refused = new Set(error.fields.map(labelledAs));
    const named = Object.entries(t.checkoutFields)
      .filter(([k]) => refused.has(k))
      .map(([, v]) => v);
    return named.length ? t.checkoutFixFields(named.join("、")) : t.checkoutFailed;
  }
  if (error.orderId) return t.checkoutAlreadyPlaced;
  return t.checkoutErrors[error.code] ?? t.checkoutFailed;
}

const failureOf = (res: ApiFailure): CheckoutError => ({
  code: res.code,
  fields: res.issues.map((i) => i.path.join(".")),
});

export function CheckoutForm(props: CheckoutFormProps) {
  const clamp = (n: number) => Math.max(1, Math.min(props.maxQuantity, Math.floor(n) || 1));
  const payKey = useMemo(() => crypto.randomUUID(), []);
  const [quantity, setQuantity] = useState(clamp(props.values?.quantity ?? 1));
  const [useWallet, setUseWallet] = useState(
    props.walletCents !== null && props.walletCents > 0 && (props.values?.useWallet ?? true),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(props.error ? errorText(props.error) : null);
  const [earlierOrderId, setEarlierOrderId] = useState(props.error?.orderId ?? null);
  const [placed, setPlaced] = useState<PlacedOrder | null>(null);
  const subtotal = props.unitPriceCents * quantity;
  const wallet = useWallet && props.walletCents ? Math.min(props.walletCents, subtotal) : 0;

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    setEarlierOrderId(null);
    const res = await send(
      api.orders.$post({
        json: {
          items: [{ product_id: props.productId, quantity }],
          contact: {
            name: String(form.get("name")),
            phone: String(form.get("phone")),
            address: String(form.get("address")),
          },
          ...(wallet > 0 ? { wallet_cents: wallet } : {}),
          ...(props.bargainId ? { bargain_id: props.bargainId } : {}),
          ...(props.group ? ("id" in props.group ? { group_id: props.group.id } : { open_group: true }) : {}),
        },
        header: { "idempotency-key": props.idempotencyKey },
      }),
    );
    setBusy(false);
    if (!res.ok) return setError(errorText(failureOf(res)));
    if (res.body.payment.url) return location.assign(res.body.payment.url);
    if (res.body.group && res.body.order.status !== "pending") return location.assign(`/g/${res.body.group.id}`);
    setPlaced(res.body);
  }

  async function payDemo(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const res = await send(
      api.orders[":id"].pay.$post({ param: { id: placed!.order.id }, header: { "idempotency-key": payKey } }),
    );
    setBusy(false);
    if (!res.ok) return setError(errorText(failureOf(res)));
    // a group order's buyer goes on to the group, to share it (or to see how it ended)
    if (placed!.group) return location.assign(`/g/${placed!.group.id}`);
    setPlaced({ ...placed!, order: res.body.order });
  }

  if (placed) return <OrderPanel order={placed.order} demo busy={busy} error={error} onPay={payDemo} />;

  const values = props.values;
  return (
    <form class="panel" method="post" action="/checkout" onSubmit={submit}>
      <input type="hidden" name="idempotency_key" value={props.idempotencyKey} />
      <input type="hidden" name="product_id" value={String(props.productId)} />
      {props.bargainId && <input type="hidden" name="bargain_id" value={props.bargainId} />}
      {props.group &&
        ("id" in props.group ? (
          <input type="hidden" name="group_id" value={props.group.id} />
        ) : (
          <input type="hidden" name="open_group" value="1" />
        ))}
      <div class="field">
        <label for="name">{t.checkoutFields["contact.name"]}</label>
        <input id="name" name="name" required maxLength={40} autoComplete="name" defaultValue={values?.name} />
      </div>
      <div class="field">
        <label for="phone">{t.checkoutFields["contact.phone"]}</label>
        <input
          id="phone"
          name="phone"
          type="tel"
          required
          inputMode="numeric"
          pattern="1[3-9][0-9]{9}"
          maxLength={11}
          autoComplete="tel"
          defaultValue={values?.phone}
        />
      </div>
      <div class="field">
        <label for="address">{t.checkoutFields["contact.address"]}</label>
        <textarea
          id="address"
          name="address"
          required
          minLength={5}
          maxLength={200}
          rows={2}
          autoComplete="street-address"
          defaultValue={values?.address}
        />
      </div>
      {!props.bargainId && !props.group && (
        <div class="field qty">
          <label for="quantity">{t.checkoutQuantity}</label>
          <button
            type="button"
            class="step"
            onClick={() => setQuantity(clamp(quantity - 1))}
            aria-label={t.checkoutLess}
          >
            −
          </button>
          <input
            id="quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={props.maxQuantity}
            required
            value={quantity}
            onInput={(e) => {
              // a field emptied to type another number keeps the last one until then
              const typed = Number((e.target as HTMLInputElement).value);
              if (typed >= 1) setQuantity(clamp(typed));
            }}
          />
          <button
            type="button"
            class="step"
            onClick={() => setQuantity(clamp(quantity + 1))}
            aria-label={t.checkoutMore}
          >
            +
          </button>
        </div>
      )}
      {props.walletCents !== null && props.walletCents > 0 && (
        <label class="wallet-toggle">
          {/* the balance this page showed and the price it quoted: the form handler spends up to them */}
          <input
            type="checkbox"
            name="use_wallet"
            value={String(props.walletCents)}
            checked={useWallet}
            onChange={(e) => setUseWallet((e.target as HTMLInputElement).checked)}
          />
          {t.checkoutUseWallet(formatCny(props.walletCents), formatCny(Math.min(props.walletCents, subtotal)))}
          <input type="hidden" name="unit_price_cents" value={String(props.unitPriceCents)} />
        </label>
      )}
      {props.walletCents === null && (
        <p class="muted">
          <a href={props.loginHref}>{t.checkoutSignInForWallet}</a>
        </p>
      )}
      <div class="total">
        {t.checkoutTotal} <span class="price big-price">{formatCny(subtotal - wallet)}</span>
        {wallet > 0 && <span class="muted"> {t.checkoutWalletPart(formatCny(wallet))}</span>}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
          {earlierOrderId && (
            <>
              {" "}
              <a href={`/orders/${encodeURIComponent(earlierOrderId)}`}>{t.checkoutSeeEarlierOrder}</a>
            </>
          )}
        </p>
      )}
      <button class="btn" type="submit" disabled={busy}>
        {busy ? t.checkoutBusy : t.checkoutSubmit}
      </button>
    </form>
  );
}
