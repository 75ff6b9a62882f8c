// 签到领现金: this week's strip, today's cash on a big button, the streak, the balance and what it buys.
import type { ProductView } from "../../core/contract/product";
import { type CheckinStatus, rewardForStreakDay, type WeekDay } from "../../core/rules/checkin-reward";
import { currentUnitPrice } from "../../core/rules/flash-sale";
import { island } from "../components/island";
import { Layout } from "../components/layout";
import { formatCny } from "../format";
import { t } from "../i18n";
import { CheckinButton, type CheckinButtonProps } from "../islands/checkin-button";

/** How many products the balance covers we show before the list gets long. */
const AFFORDABLE_SHOWN = 4;

export type CheckinPageProps = {
  origin: string;
  now: number;
  scheduleCents: readonly number[];
  /** null for a signed-out visitor. */
  member: {
    status: CheckinStatus;
    walletCents: number;
    products: ProductView[];
    /** The form's post has just checked in: today's cash is news on this page. */
    justCheckedIn: boolean;
  } | null;
};

export function CheckinPage(props: CheckinPageProps) {
  const schedule = props.scheduleCents;
  const intro = t.checkinIntro(
    formatCny(schedule[0] ?? 0),
    schedule.length,
    formatCny(schedule.reduce((sum, cents) => sum + cents, 0)),
  );
  const meta = { title: t.navCheckin, description: intro, url: `${props.origin}/checkin` };
  return (
    <Layout meta={meta} islands={props.member !== null}>
      <main class="wrap checkin">
        <section class="checkin-hero">
          <h1>
            <span aria-hidden="true">💰</span> {t.navCheckin}
          </h1>
          <p>{intro}</p>
        </section>
        {props.member ? (
          <MemberView {...props.member} now={props.now} scheduleCents={schedule} />
        ) : (
          <GuestView scheduleCents={schedule} />
        )}
      </main>
    </Layout>
  );
}

function GuestView(props: { scheduleCents: readonly number[] }) {
  return (
    <>
      <section class="panel">
        <h2>{t.checkinSchedule}</h2>
        <ol class="week">
          {props.scheduleCents.map((cents, i) => (
            <li>
              <span>{t.checkinStreakDay(i + 1)}</span>
              <b>{formatCny(cents)}</b>
            </li>
          ))}
        </ol>
      </section>
      <section class="panel checkin-card">
        <p>{t.checkinSignInPrompt}</p>
        <a class="btn checkin-btn" href={`/login?next=${encodeURIComponent("/checkin")}`}>
          {t.checkinSignIn}
        </a>
      </section>
    </>
  );
}

function MemberView(
  props: NonNullable<CheckinPageProps["member"]> & { now: number; scheduleCents: readonly number[] },
) {
  const { status } = props;
  const button: CheckinButtonProps = {
    todayCents: status.today_cents,
    tomorrowCents: rewardForStreakDay(status.streak_today + 1, props.scheduleCents),
    checkedIn: status.checked_in_today,
    streak: status.streak,
    walletCents: props.walletCents,
    credited: props.justCheckedIn && status.checked_in_today ? status.today_cents : null,
  };
  // what the balance buys once today's cash is in: the same before and after the button's tap
  const pendingCents = status.checked_in_today ? 0 : status.today_cents;
  const balanceCents = props.walletCents + pendingCents;
  return (
    <>
      <section class="panel">{island(CheckinButton, button)}</section>
      <section class="panel">
        <h2>{t.checkinWeek}</h2>
        <ol class="week">
          {status.week.map((d) => (
            <WeekCell day={d} />
          ))}
        </ol>
      </section>
      {balanceCents > 0 && props.products.length > 0 && (
        <section class="panel">
          <h2>{t.balanceBuys}</h2>
          <BalanceBuys
            balanceCents={balanceCents}
            afterCheckin={pendingCents > 0}
            products={props.products}
            now={props.now}
          />
        </section>
      )}
    </>
  );
}

function WeekCell({ day }: { day: WeekDay }) {
  const label = day.state === "today" ? t.checkinToday : t.weekdays[day.weekday - 1];
  return (
    <li class={day.state}>
      <span>{label}</span>
      {day.state === "done" && <i aria-hidden="true">✓</i>}
      <b>{day.state === "missed" ? t.checkinMissed : formatCny(day.cents)}</b>
    </li>
  );
}

function BalanceBuys(props: { balanceCents: number; afterCheckin: boolean; products: ProductView[]; now: number }) {
  const priced = props.products
    .map((p) => ({ product: p, price_cents: currentUnitPrice(p, props.now).price_cents }))
    .sort((a, b) => a.price_cents - b.price_cents);
  const affordable = priced.filter((p) => p.price_cents <= props.balanceCents);
  const cheapest = priced[0]!;
  const lead = props.afterCheckin ? t.balanceAfterCheckin(formatCny(props.balanceCents)) : "";
  if (affordable.length > 0) {
    return (
      <>
        <p class="muted">{`${lead}${t.balanceCoversAll}`}</p>
        <ul class="buys">
          {affordable.slice(0, AFFORDABLE_SHOWN).map(({ product, price_cents }) => (
            <li>
              <a href={`/p/${product.id}`}>
                <span>{product.title}</span>
                <b class="price">{formatCny(price_cents)}</b>
              </a>
            </li>
          ))}
        </ul>
      </>
    );
  }
  const percent = Math.floor((props.balanceCents * 100) / cheapest.price_cents);
  return (
    <>
      <p>
        {lead}
        <a href={`/p/${cheapest.product.id}`}>
          {t.balanceCoversPart(formatCny(props.balanceCents), cheapest.product.title, percent)}
        </a>
      </p>
      <p class="muted">{t.balanceNote}</p>
    </>
  );
}
