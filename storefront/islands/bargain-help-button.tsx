// The big "帮砍一刀" on a shared bargain, with the progress above it and the helpers below. A plain
// form (the page's own route cuts and comes back with the result), which this island enhances: a
// tap cuts the price and shows the cut, the new price and the new helper without a reload.
import { useState } from "preact/hooks";
import type { BargainView } from "../../core/contract/bargain";
import { api, send } from "../api-client";
import { type BargainHelper, BargainHelpers } from "../components/bargain-helpers";
import { BargainPanel } from "../components/bargain-panel";
import { formatCny } from "../format";
import { bargain as t } from "../i18n/zh-CN/bargain";

export type BargainHelpButtonProps = {
  bargain: BargainView;
  helpers: BargainHelper[];
  now: number;
  /** null for a signed-out visitor, who signs in first and comes back to this page */
  nickname: string | null;
  /** Why the form's last post was refused (a refusal's code), shown until the next tap. */
  refused?: string | null;
};

export function BargainHelpButton(props: BargainHelpButtonProps) {
  const [bargain, setBargain] = useState(props.bargain);
  const [helpers, setHelpers] = useState(props.helpers);
  const [cutCents, setCutCents] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(
    props.refused ? (t.bargainHelpErrors[props.refused] ?? t.bargainHelpFailed) : null,
  );
  const signIn = () => {
    location.href = `/login?next=${encodeURIComponent(`/b/${bargain.id}`)}`;
  };

  async function help(event: Event) {
    event.preventDefault();
    if (props.nickname === null) return signIn();
    setBusy(true);
    setError(null);
    const res = await send(api.bargains[":id"].help.$post({ param: { id: bargain.id } }));
    setBusy(false);
    if (res.ok) {
      setBargain(res.body.bargain);
      setCutCents(res.body.cut_cents);
      return setHelpers([...helpers, { nickname: props.nickname, cutCents: res.body.cut_cents }]);
    }
    if (res.status === 401) return signIn();
    setError(t.bargainHelpErrors[res.code] ?? t.bargainHelpFailed);
  }

  return (
    <>
      <section class="panel">
        <BargainPanel bargain={bargain} now={props.now} inIsland>
          {cutCents !== null ? (
            <>
              <p class="help-result" role="status">
                <b>{t.bargainHelped(formatCny(cutCents))}</b>
              </p>
              <a class="btn btn-ghost btn-big" href={`/p/${bargain.product_id}`}>
                {t.bargainMeToo}
              </a>
            </>
          ) : (
            <form method="post" action={`/b/${encodeURIComponent(bargain.id)}/help`} onSubmit={help}>
              <button type="submit" class="btn btn-big" disabled={busy}>
                {busy ? t.bargainHelpBusy : t.bargainHelp}
              </button>
              {error && (
                <p class="error center" role="alert">
                  {error}
                </p>
              )}
            </form>
          )}
        </BargainPanel>
      </section>
      <BargainHelpers helpers={helpers} />
    </>
  );
}
