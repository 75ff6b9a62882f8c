// 标记已打款: records that the merchant paid a distributor's whole available commission.
import { useMemo, useState } from "preact/hooks";
import { api, send } from "../api-client";
import { formatCny } from "../format";
import { ta } from "../i18n";

export type AdminPayoutButtonProps = { userId: number; availableCents: number };

export function AdminPayoutButton(props: AdminPayoutButtonProps) {
  const [step, setStep] = useState<"idle" | "confirm" | "busy" | "done">("idle");
  const [paidCents, setPaidCents] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const d = ta.distributors;
  const amount = formatCny(props.availableCents);
  // a double click or a retry pays out once and answers the same amount
  const key = useMemo(() => crypto.randomUUID(), []);

  async function pay() {
    setStep("busy");
    setError(null);
    const res = await send(
      api.admin.distributors[":user_id"].payout.$post({
        param: { user_id: String(props.userId) },
        header: { "idempotency-key": key },
      }),
    );
    if (res.ok) {
      setPaidCents(res.body.payout.amount_cents);
      return setStep("done");
    }
    setStep("idle");
    setError(d.errors[res.code] ?? ta.failed);
  }

  if (step === "done")
    return (
      <span class="ok" role="status">
        {d.paid(formatCny(paidCents))}
      </span>
    );
  return (
    <span>
      {step === "idle" ? (
        <button type="button" class="btn btn-sm btn-blue" onClick={() => setStep("confirm")}>
          {d.payout(amount)}
        </button>
      ) : (
        <button type="button" class="btn btn-sm" disabled={step === "busy"} onClick={pay}>
          {d.confirmPayout(amount)}
        </button>
      )}
      {error && (
        <span class="error" role="alert">
          {" "}
          {error}
        </span>
      )}
    </span>
  );
}
