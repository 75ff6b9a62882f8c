// A live countdown to a moment; shows "已结束" once it passes.
import { useEffect, useState } from "preact/hooks";
import { live as t } from "../i18n/zh-CN/live";

export type CountdownProps = { until: string; label: string; now?: number };

function parts(ms: number) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, "0");
  const days = Math.floor(s / 86400);
  const hms = `${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  return days > 0 ? `${days}天 ${hms}` : hms;
}

export function Countdown({ until, label, now }: CountdownProps) {
  const target = Date.parse(until);
  const [current, setCurrent] = useState(now ?? Date.now());
  useEffect(() => {
    setCurrent(Date.now());
    const timer = setInterval(() => setCurrent(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = target - current;
  return (
    <span class="countdown" role="timer">
      {left > 0 ? (
        <>
          {label} <b>{parts(left)}</b>
        </>
      ) : (
        t.ended
      )}
    </span>
  );
}
