// 我的推广: the distributor's funnel, commission, invite link, and a copyable link + poster per product.
import type { DistributorStats } from "../../core/contract/links";
import type { ProductView } from "../../core/contract/product";
import { island } from "../components/island";
import { Layout } from "../components/layout";
import { formatCny } from "../format";
import { t } from "../i18n";
import { BecomeDistributor, type BecomeDistributorProps } from "../islands/become-distributor";
import { CopyLink } from "../islands/copy-link";

/** An absolute short link and its poster. */
export type LinkCard = { url: string; posterUrl: string };

export type PromotePageProps = {
  origin: string;
  /** null: signed out. */
  member: null | {
    /** null: signed in, not a distributor yet. */
    distributor: null | {
      code: string;
      inviteUrl: string;
      stats: DistributorStats;
      maturityDays: number;
      storeLink: LinkCard;
      products: Array<{ product: ProductView; link: LinkCard }>;
    };
  };
};

export function PromotePage(props: PromotePageProps) {
  const meta = { title: t.navPromote, description: t.promoteIntro, url: `${props.origin}/me` };
  const distributor = props.member?.distributor ?? null;
  return (
    <Layout meta={meta} islands={props.member !== null}>
      <main class="wrap promote">
        <section class="promote-hero">
          <h1>
            <span aria-hidden="true">📣</span> {t.navPromote}
          </h1>
          <p>{t.promoteIntro}</p>
        </section>
        {!props.member ? <SignedOut /> : !distributor ? <NotYet /> : <Dashboard {...distributor} />}
      </main>
    </Layout>
  );
}

function SignedOut() {
  return (
    <section class="panel center">
      <p>{t.promoteSignInPrompt}</p>
      <a class="btn btn-block" href={`/login?next=${encodeURIComponent("/me")}`}>
        {t.promoteSignIn}
      </a>
    </section>
  );
}

function NotYet() {
  const become: BecomeDistributorProps = { label: t.promoteBecome, backTo: "/me" };
  return <section class="panel center">{island(BecomeDistributor, become)}</section>;
}

function Dashboard(props: NonNullable<NonNullable<PromotePageProps["member"]>["distributor"]>) {
  const { stats } = props;
  return (
    <>
      <section class="panel">
        <h2>{t.promoteFunnel}</h2>
        <ol class="funnel">
          <li>
            <span>{t.promoteVisits}</span>
            <b>{stats.visits}</b>
          </li>
          <li>
            <span>{t.promoteUniqueVisits}</span>
            <b>{stats.unique_visits}</b>
          </li>
          <li>
            <span>{t.promoteOrders}</span>
            <b>{stats.orders}</b>
          </li>
          <li>
            <span>{t.promoteSales}</span>
            <b>{formatCny(stats.sales_cents)}</b>
          </li>
        </ol>
        <h2>{t.promoteCommission}</h2>
        <div class="commission">
          <div>
            <small>{t.promotePending}</small>
            <b>{formatCny(stats.commission.pending_cents)}</b>
          </div>
          <div>
            <small>{t.promoteAvailable}</small>
            <b class="ok">{formatCny(stats.commission.available_cents)}</b>
          </div>
          <div>
            <small>{t.promoteReversed}</small>
            <b class="muted">{formatCny(stats.commission.reversed_cents)}</b>
          </div>
        </div>
        <p class="muted">{t.promoteCommissionNote(props.maturityDays)}</p>
      </section>
      <section class="panel">
        <h2>{t.promoteStoreLink}</h2>
        <p class="muted">{t.promoteStoreLinkNote}</p>
        <LinkRow link={props.storeLink} label={t.promoteStoreLink} />
      </section>
      <section class="panel">
        <h2>{t.promoteProducts}</h2>
        <ul class="share-list">
          {props.products.map(({ product, link }) => (
            <li>
              <a href={`/p/${product.id}`}>
                <img src={product.image_url} alt={product.title} width="56" height="56" loading="lazy" />
              </a>
              <div class="share-body">
                <div class="title">{product.title}</div>
                <div>
                  <span class="price">{formatCny(product.price_cents)}</span>{" "}
                  <span class="tag">{t.promoteCommissionRate(String(product.commission_bp / 100))}</span>
                </div>
                <LinkRow link={link} label={product.title} />
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section class="panel">
        <h2>{t.promoteInvite}</h2>
        <p class="muted">{t.promoteInviteNote}</p>
        <p>{t.promoteInviteCode(props.code)}</p>
        <div class="link-row">
          <input class="link-url" value={props.inviteUrl} readOnly aria-label={t.promoteInvite} />
          {island(CopyLink, { url: props.inviteUrl })}
        </div>
      </section>
    </>
  );
}

/**
 * A link to copy (long-press the field without a script; the button copies with one) and its poster
 * in a sheet that opens without a script: an <img> a phone long-presses to save, and a save button.
 */
function LinkRow({ link, label }: { link: LinkCard; label: string }) {
  return (
    <>
      <div class="link-row">
        <input class="link-url" value={link.url} readOnly aria-label={t.promoteLinkOf(label)} />
        {island(CopyLink, { url: link.url })}
      </div>
      <details class="poster">
        <summary>{t.poster}</summary>
        <img src={link.posterUrl} alt={t.posterAlt(label)} width="750" height="1334" loading="lazy" />
        <a class="btn btn-small" href={link.posterUrl} download={`poster-${link.url.split("/").pop()}.png`}>
          {t.posterSave}
        </a>
      </details>
    </>
  );
}
