// 签到领现金: this week's strip, today's cash on a big button, the streak, the balance and what it buys.
import type { ProductView } from "../../core/contract/product";
import type { CheckinStatus, WeekDay } from "../../core/rules/checkin-reward";
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
  member: { status: CheckinStatus; walletCents: number; products: ProductView[] } | null;
};

export function CheckinPage(props: CheckinPageProps) {
  const meta = { title: t.navCheckin, description: t.checkinIntro, url: `${props.origin}/checkin` };
  return (
    <Layout meta={meta} islands={props.member !== null}>
      <main class="wrap checkin">
        <section class="checkin-hero">
          <h1>💰 {t.navCheckin}</h1>
          <p>{t.checkinIntro}</p>
        </section>
        {props.member ? (
          <MemberView {...props.member} now={props.now} />
        ) : (
          <GuestView scheduleCents={props.scheduleCents} />
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

function MemberView(props: { status: CheckinStatus; walletCents: number; products: ProductView[]; now: number }) {
  const { status } = props;
  const button: CheckinButtonProps = {
    todayCents: status.today_cents,
    checkedIn: status.checked_in_today,
    streak: status.streak,
    walletCents: props.walletCents,
  };
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
      <section class="panel">
        <h2>{t.balanceBuys}</h2>
        <BalanceBuys walletCents={props.walletCents} products={props.products} now={props.now} />
      </section>
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

function BalanceBuys(props: { walletCents: number; products: ProductView[]; now: number }) {
  const priced = props.products
    .map((p) => ({ product: p, price_cents: currentUnitPrice(p, props.now).price_cents }))
    .sort((a, b) => a.price_cents - b.price_cents);
  const affordable = priced.filter((p) => p.price_cents <= props.walletCents);
  const cheapest = priced[0];
  if (affordable.length > 0) {
    return (
      <>
        <p class="muted">{t.balanceCoversAll}</p>
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
  if (props.walletCents > 0 && cheapest) {
    const percent = Math.floor((props.walletCents * 100) / cheapest.price_cents);
    return (
      <p>
        <a href={`/p/${cheapest.product.id}`}>
          {t.balanceCoversPart(formatCny(props.walletCents), cheapest.product.title, percent)}
        </a>
      </p>
    );
  }
  return <p class="muted">{t.balanceEmpty}</p>;
}
