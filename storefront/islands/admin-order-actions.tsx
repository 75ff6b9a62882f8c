// An order's next steps for the merchant: ship, complete, refund (refund asks once more).
import { useMemo, useState } from "preact/hooks";
import type { OrderAction } from "../../core/rules/order-status";
import { api, send } from "../api-client";
import { ta } from "../i18n";

type MerchantAction = Extract<OrderAction, "ship" | "complete" | "refund">;

export type AdminOrderActionsProps = {
  orderId: string;
  /** The moves the order's status allows, from the order-status rule. */
  actions: MerchantAction[];
  /** What a refund gives back, shown on the confirm button. */
  refundLabel: string;
};

export function AdminOrderActions(props: AdminOrderActionsProps) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<MerchantAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const o = ta.orders;
  // one key per action on this page: a double click or a retry acts once and answers the same
  const keys = useMemo(
    () => ({ ship: crypto.randomUUID(), complete: crypto.randomUUID(), refund: crypto.randomUUID() }),
    [],
  );

  async function run(action: MerchantAction) {
    if (action === "refund" && !confirming) return setConfirming(true);
    setBusy(true);
    setError(null);
    const res = await send(
      api.admin.orders[":id"][action].$post({
        param: { id: props.orderId },
        header: { "idempotency-key": keys[action] },
      }),
    );
    setBusy(false);
    setConfirming(false);
    if (res.ok) return setDone(action);
    setError(o.errors[res.code] ?? ta.failed);
  }

  if (done) {
    return (
      <div class="acts">
        <span class="ok" role="status">
          {o.done[done]}
        </span>
        <a href={location.pathname + location.search}>↻</a>
      </div>
    );
  }
  return (
    <div class="acts">
      {confirming ? (
        <>
          <button type="button" class="btn btn-sm" disabled={busy} onClick={() => run("refund")}>
            {busy ? o.busy : o.confirmRefund(props.refundLabel)}
          </button>
          <button type="button" class="btn btn-sm btn-line" disabled={busy} onClick={() => setConfirming(false)}>
            {o.cancel}
          </button>
        </>
      ) : (
        props.actions.map((action) => (
          <button
            type="button"
            class={`btn btn-sm ${action === "refund" ? "btn-line" : "btn-blue"}`}
            disabled={busy}
            data-action={action}
            onClick={() => run(action)}
          >
            {o.actions[action]}
          </button>
        ))
      )}
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
