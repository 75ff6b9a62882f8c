// The bargain page shared in chats: how far the price has fallen, the clock, the friends who cut,
// and the one thing this visitor should do — help, share, or buy at the floor.
import type { BargainView } from "../../core/contract/bargain";
import { PLACEHOLDER_PICTURE } from "../../core/rules/product-pictures";
import { type BargainHelper, BargainHelpers } from "../components/bargain-helpers";
import { BargainPanel } from "../components/bargain-panel";
import { island } from "../components/island";
import { Layout } from "../components/layout";
import { formatCny } from "../format";
import { t } from "../i18n";
import { BargainHelpButton } from "../islands/bargain-help-button";
import { ShareButton } from "../islands/share-button";
import { productOgImage } from "../og-image";

export type BargainPageProps = {
  origin: string;
  now: number;
  bargain: BargainView;
  product: { title: string; imageUrl: string; priceCents: number };
  starterNickname: string;
  helpers: BargainHelper[];
  /** null for a signed-out visitor */
  viewer: { nickname: string; isStarter: boolean; myCutCents: number | null } | null;
  /** What the help form's post came back with: the visitor's cut to show, or why it was refused. */
  helpOutcome?: { helped: true } | { refused: string };
};

export function BargainPage(props: BargainPageProps) {
  const { bargain: b, product, origin } = props;
  const floor = formatCny(b.floor_cents);
  const toGo = b.current_cents - b.floor_cents;
  const title = t.bargainOgTitle(product.title, floor);
  const cover = product.imageUrl || PLACEHOLDER_PICTURE;
  const card = { id: b.product_id, title: product.title, price_cents: product.priceCents, image_url: cover };
  const meta = {
    title,
    description: t.bargainOgDescription(props.starterNickname, formatCny(toGo)),
    url: b.share_url,
    image: productOgImage(card, origin),
  };
  return (
    <Layout meta={meta} islands>
      <main class="wrap bargain">
        <section class="panel bargain-head">
          <img src={cover} alt={product.title} width="96" height="96" fetchpriority="high" />
          <div>
            <h1>{product.title}</h1>
            <div class="muted">{t.bargainBy(props.starterNickname)}</div>
            {/* the price it stands at now; the floor is where the cuts end, not a price yet */}
            <div>
              <span class="price">{t.bargainCurrent(formatCny(b.current_cents))}</span>
              {b.current_cents < b.price_cents && <span class="was">{formatCny(b.price_cents)}</span>}
            </div>
            <div class="muted">{t.bargainFloorNote(floor)}</div>
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
  const { bargain: b, viewer, now, helpOutcome } = props;
  const mayHelp = b.status === "active" && !viewer?.isStarter && viewer?.myCutCents == null;
  if (mayHelp) {
    const refused = helpOutcome && "refused" in helpOutcome ? helpOutcome.refused : null;
    const help = { bargain: b, helpers: props.helpers, now, nickname: viewer?.nickname ?? null, refused };
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

/** A friend who already helped (a moment ago: the cut, as news), or came after the bargain closed. */
function FriendAction({ bargain: b, viewer, helpOutcome }: BargainPageProps) {
  const justHelped = viewer?.myCutCents != null && helpOutcome && "helped" in helpOutcome;
  const note =
    viewer?.myCutCents != null
      ? justHelped
        ? t.bargainHelped(formatCny(viewer.myCutCents))
        : t.bargainYouHelped(formatCny(viewer.myCutCents))
      : b.status === "expired"
        ? t.bargainExpired
        : t.bargainReachedFloor;
  return (
    <>
      <p class="help-result" role={justHelped ? "status" : undefined}>
        {justHelped ? <b>{note}</b> : note}
      </p>
      <a class="btn btn-ghost btn-big" href={`/p/${b.product_id}`}>
        {t.bargainMeToo}
      </a>
    </>
  );
}
