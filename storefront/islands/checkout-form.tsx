// The one-screen checkout: contact, quantity, wallet cash, then pay (Stripe, or the demo button).
import { useMemo, useState } from "preact/hooks";
import type { PlacedOrder } from "../../core/contract/order";
import { api, send, type ApiFailure } from "../api-client";
import { formatCny } from "../format";
import { checkout } from "../i18n/zh-CN/checkout";
import { common } from "../i18n/zh-CN/common";

const t = { ...checkout, ...common };

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
};

function errorText(error: ApiFailure): string {
  if (error.code === "invalid_input") {
    const fields = new Set(error.issues.map((i) => i.path.join(".")));
    const named = Object.entries(t.checkoutFields)
      .filter(([k]) => [...fields].some((f) => f.startsWith(k)))
      .map(([, v]) => v);
    return named.length ? t.checkoutFixFields(named.join("、")) : t.checkoutFailed;
  }
  return t.checkoutErrors[error.code] ?? t.checkoutFailed;
}

export function CheckoutForm(props: CheckoutFormProps) {
  // one key per visit of the page: a double tap or a retry never places a second order
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const payKey = useMemo(() => crypto.randomUUID(), []);
  const [quantity, setQuantity] = useState(1);
  const [useWallet, setUseWallet] = useState(props.walletCents !== null && props.walletCents > 0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [placed, setPlaced] = useState<PlacedOrder | null>(null);
  const subtotal = props.unitPriceCents * quantity;
  const wallet = useWallet && props.walletCents ? Math.min(props.walletCents, subtotal) : 0;

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
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
        header: { "idempotency-key": idempotencyKey },
      }),
    );
    setBusy(false);
    if (!res.ok) return setError(errorText(res));
    if (res.body.payment.url) return location.assign(res.body.payment.url);
    if (res.body.group && res.body.order.status !== "pending") return location.assign(`/g/${res.body.group.id}`);
    setPlaced(res.body);
  }

  async function payDemo() {
    setBusy(true);
    const res = await send(
      api.orders[":id"].pay.$post({ param: { id: placed!.order.id }, header: { "idempotency-key": payKey } }),
    );
    setBusy(false);
    if (!res.ok) return setError(errorText(res));
    // a group order's buyer goes on to the group, to share it (or to see how it ended)
    if (placed!.group) return location.assign(`/g/${placed!.group.id}`);
    setPlaced({ ...placed!, order: res.body.order });
  }

  if (placed) {
    const paid = placed.order.status === "paid";
    return (
      <div class="panel" data-testid="order-placed">
        <h2 style="margin-top:0">{paid ? t.checkoutPaid : t.checkoutPlaced}</h2>
        <p class="muted">{t.checkoutOrderNo(placed.order.id)}</p>
        <p>
          {t.checkoutToPay} <span class="price">{formatCny(placed.order.total_cents)}</span>
        </p>
        {!paid && (
          <>
            <p class="demo-banner">{t.demoPaymentNote}</p>
            <button class="btn" type="button" disabled={busy} onClick={payDemo}>
              {t.demoPay(formatCny(placed.order.total_cents))}
            </button>
          </>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {paid && (
          <a class="btn btn-ghost" href="/orders">
            {t.navOrders}
          </a>
        )}
      </div>
    );
  }

  return (
    <form class="panel" method="post" onSubmit={submit}>
      <div class="field">
        <label for="name">{t.checkoutFields["contact.name"]}</label>
        <input id="name" name="name" required maxLength={40} autoComplete="name" />
      </div>
      <div class="field">
        <label for="phone">{t.checkoutFields["contact.phone"]}</label>
        <input
          id="phone"
          name="phone"
          required
          inputMode="numeric"
          pattern="1[3-9][0-9]{9}"
          maxLength={11}
          autoComplete="tel"
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
        />
      </div>
      {!props.bargainId && !props.group && (
        <div class="field qty">
          <label>{t.checkoutQuantity}</label>
          <button type="button" class="step" onClick={() => setQuantity(Math.max(1, quantity - 1))} aria-label="-">
            −
          </button>
          <b>{quantity}</b>
          <button
            type="button"
            class="step"
            onClick={() => setQuantity(Math.min(props.maxQuantity, quantity + 1))}
            aria-label="+"
          >
            +
          </button>
        </div>
      )}
      {props.walletCents !== null && props.walletCents > 0 && (
        <label class="wallet-toggle">
          <input
            type="checkbox"
            checked={useWallet}
            onChange={(e) => setUseWallet((e.target as HTMLInputElement).checked)}
          />
          {t.checkoutUseWallet(formatCny(props.walletCents), formatCny(Math.min(props.walletCents, subtotal)))}
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
        </p>
      )}
      <button class="btn" type="submit" disabled={busy}>
        {busy ? t.checkoutBusy : t.checkoutSubmit}
      </button>
    </form>
  );
}
