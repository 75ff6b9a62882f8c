// Today's check-in on one big button: a plain form (the page's route credits the day and comes back
// to show it), which this island enhances to credit the cash and show it without a reload.
import { useMemo, useState } from "preact/hooks";
import { api, send } from "../api-client";
import { formatCny } from "../format";
import { checkin as t } from "../i18n/zh-CN/checkin";

export type CheckinButtonProps = {
  todayCents: number;
  /** What tomorrow's check-in pays if the streak holds. */
  tomorrowCents: number;
  checkedIn: boolean;
  streak: number;
  walletCents: number;
  /** The cash the form's post just credited, to show as news; null otherwise. */
  credited: number | null;
};

export function CheckinButton(props: CheckinButtonProps) {
  const [done, setDone] = useState(props.checkedIn);
  const [busy, setBusy] = useState(false);
  const [streak, setStreak] = useState(props.streak);
  const [walletCents, setWalletCents] = useState(props.walletCents);
  const [credited, setCredited] = useState<number | null>(props.credited);
  const [failed, setFailed] = useState(false);
  // a retried or doubled tap is the same check-in: it answers the same credit
  const key = useMemo(() => crypto.randomUUID(), []);

  async function checkIn(event: Event) {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    const res = await send(api.checkin.$post({ header: { "idempotency-key": key } }));
    setBusy(false);
    if (res.ok) {
      setCredited(res.body.credited_cents);
      setStreak(res.body.streak);
      setWalletCents(res.body.wallet_cents);
      return setDone(true);
    }
    if (res.status === 401) return void (location.href = `/login?next=${encodeURIComponent("/checkin")}`);
    if (res.code === "already_checked_in") return setDone(true);
    setFailed(true);
  }

  return (
    <form class="checkin-card" method="post" action="/checkin" onSubmit={checkIn}>
      <div class="checkin-stats">
        <div>
          <small>{t.checkinBalance}</small>
          <b>{formatCny(walletCents)}</b>
        </div>
        <div>{t.checkinStreak(streak)}</div>
      </div>
      {credited !== null && (
        <div class="checkin-credited" role="status">
          <b>{t.checkinCredited(formatCny(credited))}</b>
          <small>{t.checkinCreditedNote}</small>
        </div>
      )}
      <button type="submit" class="btn checkin-btn" disabled={done || busy}>
        {done ? t.checkinDoneToday : busy ? t.checkinBusy : t.checkinButton(formatCny(props.todayCents))}
      </button>
      {done && <p class="muted">{t.checkinComeBack(formatCny(props.tomorrowCents))}</p>}
      {failed && (
        <p class="error" role="alert">
          {t.checkinFailed}
        </p>
      )}
    </form>
  );
}
