// The button that makes a signed-in shopper a distributor (recruited by an invite code, if any).
import { useState } from "preact/hooks";
import { api, send } from "../api-client";
import { promote as t } from "../i18n/zh-CN/promote";

export type BecomeDistributorProps = {
  label: string;
  /** The recruiter's code from an invite link. */
  inviteCode?: string;
  /** Where a visitor whose session has ended signs in and comes back to. */
  backTo: string;
};

export function BecomeDistributor(props: BecomeDistributorProps) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  async function become() {
    setBusy(true);
    setFailed(false);
    const res = await send(api.distributor.$post({ json: props.inviteCode ? { invite_code: props.inviteCode } : {} }));
    if (res.ok) return void (location.href = "/me");
    if (res.status === 401) return void (location.href = `/login?next=${encodeURIComponent(props.backTo)}`);
    setFailed(true);
    setBusy(false);
  }
  return (
    <>
      <button type="button" class="btn btn-block" disabled={busy} onClick={become}>
        {busy ? t.promoteBecomeBusy : props.label}
      </button>
      {failed && (
        <p class="error" role="alert">
          {t.promoteBecomeFailed}
        </p>
      )}
    </>
  );
}
