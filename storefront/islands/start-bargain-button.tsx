// "发起砍价" on a product page: starts (or reopens) my bargain on it and goes to its page to share.
import { useState } from "preact/hooks";
import { bargain as t } from "../i18n/zh-CN/bargain";

export type StartBargainButtonProps = { productId: number; label: string };

export function StartBargainButton({ productId, label }: StartBargainButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/bargains", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ product_id: productId }),
      });
      if (res.status === 401) {
        location.href = `/login?next=${encodeURIComponent(`/p/${productId}`)}`;
        return;
      }
      const body = (await res.json().catch(() => null)) as { bargain?: { id: string }; error?: { code?: string } } | null;
      if (res.ok && body?.bargain) {
        location.href = `/b/${encodeURIComponent(body.bargain.id)}`;
        return;
      }
      setError(body?.error?.code === "bargain_not_allowed" ? t.bargainNotAllowed : t.bargainStartFailed);
    } catch {
      setError(t.bargainStartFailed);
    }
    setBusy(false);
  }

  return (
    <>
      <button type="button" class="btn btn-gold btn-big" disabled={busy} onClick={start}>
        {busy ? t.bargainStartBusy : label}
      </button>
      {error && <p class="error" role="alert">{error}</p>}
    </>
  );
}
