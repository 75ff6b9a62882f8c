// The bargain page shared in chats: how far the price has fallen, the clock, the friends who cut,
// and the one thing this visitor should do — help, share, or buy at the floor.
import type { BargainView } from "../../core/contract/bargain";
import { type BargainHelper, BargainHelpers } from "../components/bargain-helpers";
import { BargainPanel } from "../components/bargain-panel";
import { island } from "../components/island";
import { Layout } from "../components/layout";
import { formatCny } from "../format";
import { t } from "../i18n";
import { BargainHelpButton } from "../islands/bargain-help-button";
import { ShareButton } from "../islands/share-button";

export type BargainPageProps = {
  origin: string;
  now: number;
  bargain: BargainView;
  product: { title: string; imageUrl: string };
  starterNickname: string;
  helpers: BargainHelper[];
  /** null for a signed-out visitor */
  viewer: { nickname: string; isStarter: boolean; myCutCents: number | null } | null;
};

export function BargainPage(props: BargainPageProps) {
  const { bargain: b, product, origin } = props;
  const floor = formatCny(b.floor_cents);
  const toGo = b.current_cents - b.floor_cents;
  const title = t.bargainOgTitle(product.title, floor);
  const meta = {
    title,
    description: t.bargainOgDescription(props.starterNickname, formatCny(toGo)),
    url: b.share_url,
    image: new URL(product.imageUrl || "/img/logo.svg", origin).href,
  };
  return (
    <Layout meta={meta} islands>
      <main class="wrap bargain">
        <section class="panel bargain-head">
          <img src={product.imageUrl || "/img/logo.svg"} alt={product.title} width="96" height="96" />
          <div>
            <h1>{product.title}</h1>
            <div class="muted">{t.bargainBy(props.starterNickname)}</div>
            <div>
              <span class="price">{floor}</span>
              <span class="was">{formatCny(b.price_cents)}</span>
            </div>
          </div>
        </section>
        <BargainSections {...props} title={title} />
      </main>
    </Layout>
  );
}

/**
 * The progress, the helpers and what this visitor can do: the starter shares or buys, a friend helps
 * (an island, so the cut shows without a reload), a late comer starts their own.
 */
function BargainSections(props: BargainPageProps & { title: string }) {
  const { bargain: b, viewer, now } = props;
  const mayHelp = b.status === "active" && !viewer?.isStarter && viewer?.myCutCents == null;
  if (mayHelp) {
    const help = { bargain: b, helpers: props.helpers, now, nickname: viewer?.nickname ?? null };
    return island(BargainHelpButton, help);
  }
  return (
    <>
      <section class="panel">
        <BargainPanel bargain={b} now={now}>
          {viewer?.isStarter ? <StarterAction bargain={b} title={props.title} /> : <FriendAction {...props} />}
        </BargainPanel>
      </section>
      <BargainHelpers helpers={props.helpers} />
    </>
  );
}

function StarterAction({ bargain: b, title }: { bargain: BargainView; title: string }) {
  if (b.status === "complete") {
    return (
      <a class="btn btn-big" href={`/checkout?bargain_id=${encodeURIComponent(b.id)}`}>
        {t.bargainBuyAtFloor(formatCny(b.floor_cents))}
      </a>
    );
  }
  if (b.status === "purchased") return <p class="center ok">{t.bargainPurchased}</p>;
  if (b.status === "expired") {
    return (
      <>
        <p class="center muted">{t.bargainExpired}</p>
        <a class="btn btn-big" href={`/p/${b.product_id}`}>
          {t.bargainRestart}
        </a>
      </>
    );
  }
  const share = { url: `/b/${b.id}`, title, label: t.bargainInvite };
  return <div class="bargain-share">{island(ShareButton, share)}</div>;
}

/** A friend who already helped, or came after the bargain closed. */
function FriendAction({ bargain: b, viewer }: BargainPageProps) {
  const note =
    viewer?.myCutCents != null
      ? t.bargainYouHelped(formatCny(viewer.myCutCents))
      : b.status === "expired"
        ? t.bargainExpired
        : t.bargainReachedFloor;
  return (
    <>
      <p class="help-result">{note}</p>
      <a class="btn btn-ghost btn-big" href={`/p/${b.product_id}`}>
        {t.bargainMeToo}
      </a>
    </>
  );
}
