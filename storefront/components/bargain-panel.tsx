// The heart of a bargain page: what is left to cut, the bar from price to floor, how many helped,
// the clock, and below them whatever this visitor can do.
import type { ComponentChildren } from "preact";
import type { BargainView } from "../../core/contract/bargain";
import { formatCny } from "../format";
import { bargain } from "../i18n/zh-CN/bargain";
import { common } from "../i18n/zh-CN/common";
import { Countdown } from "../islands/countdown";
import { island } from "./island";

const t = { ...bargain, ...common };

export type BargainPanelProps = {
  bargain: BargainView;
  now: number;
  /** Inside an island the countdown is hydrated with it, so it must not be an island of its own. */
  inIsland?: boolean;
  children?: ComponentChildren;
};

export function BargainPanel({ bargain: b, now, inIsland, children }: BargainPanelProps) {
  const toGo = b.current_cents - b.floor_cents;
  const cutSoFar = b.price_cents - b.current_cents;
  const percent = Math.round((cutSoFar / Math.max(1, b.price_cents - b.floor_cents)) * 100);
  const countdown = { until: b.expires_at, label: t.endsIn, now };
  return (
    <>
      <div class="to-go">{toGo > 0 ? t.bargainToGo(formatCny(toGo)) : t.bargainReachedFloor}</div>
      <div
        class="progress"
        role="progressbar"
        aria-label={t.bargainProgressLabel}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t.bargainCutSoFar(formatCny(cutSoFar))}
      >
        <i style={`width:${percent}%`} />
      </div>
      <div class="progress-ends">
        <span>{formatCny(b.price_cents)}</span>
        <span>{t.bargainCutSoFar(formatCny(cutSoFar))}</span>
        <span>{formatCny(b.floor_cents)}</span>
      </div>
      <div class="bargain-meta">
        <p class="muted">{t.bargainHelpersProgress(b.helper_count, b.helpers_needed)}</p>
        {b.status === "active" && (inIsland ? <Countdown {...countdown} /> : island(Countdown, countdown))}
      </div>
      {children}
    </>
  );
}
