// The button that makes a signed-in shopper a distributor (recruited by an invite code, if any): a
// plain form posting to its page's route, which this island enhances to call the API in place.
import { useState } from "preact/hooks";
import { api, send } from "../api-client";
import { promote as t } from "../i18n/zh-CN/promote";

export type BecomeDistributorProps = {
  label: string;
  /** The recruiter's code from an invite link. */
  inviteCode?: string;
  /** The page whose route the form posts to, and where a visitor whose session ended comes back to. */
  backTo: string;
};

export function BecomeDistributor(props: BecomeDistributorProps) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  async function become(event: Event) {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    const res = await send(api.distributor.$post({ json: props.inviteCode ? { invite_code: props.inviteCode } : {} }));
    if (res.ok) return void (location.href = "/me");
    if (res.status === 401) return void (location.href = `/login?next=${encodeURIComponent(props.backTo)}`);
    setFailed(true);
    setBusy(false);
  }
  return (
    <form method="post" action={props.backTo} onSubmit={become}>
      <button type="submit" class="btn btn-block" disabled={busy}>
        {busy ? t.promoteBecomeBusy : props.label}
      </button>
      {failed && (
        <p class="error" role="alert">
          {t.promoteBecomeFailed}
        </p>
      )}
    </form>
  );
}
