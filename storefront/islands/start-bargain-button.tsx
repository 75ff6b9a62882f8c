// "发起砍价" on a product page: starts (or reopens) my bargain on it and goes to its page to share.
import { useState } from "preact/hooks";
import { api, send } from "../api-client";
import { bargain as t } from "../i18n/zh-CN/bargain";

export type StartBargainButtonProps = { productId: number; label: string };

export function StartBargainButton({ productId, label }: StartBargainButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    const res = await send(api.bargains.$post({ json: { product_id: productId } }));
    if (res.ok) return void (location.href = `/b/${encodeURIComponent(res.body.bargain.id)}`);
    if (res.status === 401) return void (location.href = `/login?next=${encodeURIComponent(`/p/${productId}`)}`);
    setError(res.code === "bargain_not_allowed" ? t.bargainNotAllowed : t.bargainStartFailed);
    setBusy(false);
  }

  return (
    <>
      <button type="button" class="btn btn-gold btn-big" disabled={busy} onClick={start}>
        {busy ? t.bargainStartBusy : label}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
