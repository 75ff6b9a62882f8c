// Today's check-in on one big button: a tap credits the day's cash and shows it without a reload.
import { useState } from "preact/hooks";
import { formatCny } from "../format";
import { checkin as t } from "../i18n/zh-CN/checkin";

export type CheckinButtonProps = {
  todayCents: number;
  checkedIn: boolean;
  streak: number;
  walletCents: number;
};

type Outcome = { credited_cents: number; streak: number; wallet_cents: number };

export function CheckinButton(props: CheckinButtonProps) {
  const [done, setDone] = useState(props.checkedIn);
  const [busy, setBusy] = useState(false);
  const [streak, setStreak] = useState(props.streak);
  const [walletCents, setWalletCents] = useState(props.walletCents);
  const [credited, setCredited] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  async function checkIn() {
    setBusy(true);
    setFailed(false);
    try {
      const res = await fetch("/api/checkin", { method: "POST", credentials: "same-origin", headers: { accept: "application/json" } });
      if (res.status === 401) {
        location.href = `/login?next=${encodeURIComponent("/checkin")}`;
        return;
      }
      if (res.status === 409) {
        setDone(true);
        return;
      }
      if (!res.ok) throw new Error(String(res.status));
      const outcome = (await res.json()) as Outcome;
      setCredited(outcome.credited_cents);
      setStreak(outcome.streak);
      setWalletCents(outcome.wallet_cents);
      setDone(true);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="checkin-card">
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
      <button type="button" class="btn checkin-btn" disabled={done || busy} onClick={checkIn}>
        {done ? t.checkinDoneToday : busy ? t.checkinBusy : t.checkinButton(formatCny(props.todayCents))}
      </button>
      {done && <p class="muted">{t.checkinComeBack}</p>}
      {failed && <p class="error">{t.checkinFailed}</p>}
    </div>
  );
}
