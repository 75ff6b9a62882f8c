// The group page shared in chats (/g/:id): the deal, who is in (nicknames, the seats still empty),
// the clock, and the one thing this visitor should do: join, invite friends, or find another group.
// It shows what this visitor may do, so it is private and never cached: its seats are live in it.
import type { GroupView } from "../../core/contract/group";
import type { ProductView } from "../../core/contract/product";
import { island } from "../components/island";
import { Layout } from "../components/layout";
import { formatCny } from "../format";
import { GROUP_STYLES } from "../group-styles";
import { t } from "../i18n";
import { Countdown } from "../islands/countdown";
import { ShareButton } from "../islands/share-button";
import { productOgImage } from "../og-image";

export type GroupPageProps = {
  origin: string;
  now: number;
  group: GroupView;
  product: ProductView;
  /** Seats the store fills for a group that succeeded by its virtual fill. */
  storeSeats: number;
  /** Whether a shopper who is not in it could take a seat now (open, a seat free, time to pay). */
  joinable: boolean;
  /** null for a signed-out visitor */
  viewer: { member: boolean } | null;
};

export function GroupPage(props: GroupPageProps) {
  const { group: g, product, origin } = props;
  const price = formatCny(g.price_cents);
  const leader = g.members.find((m) => m.leader)?.nickname ?? "";
  const meta = {
    title: t.groupOgTitle(g.seats_left, price, product.title),
    description: t.groupOgDescription(leader, g.size, price),
    url: g.share_url,
    // the product's own chat card: the same as the product page's
    image: productOgImage(product, origin),
  };
  return (
    <Layout meta={meta} islands styles={GROUP_STYLES}>
      <main class="wrap grp">
        <section class="panel bargain-head">
          <img src={product.image_url} alt={product.title} width="96" height="96" />
          <div>
            <h1>{product.title}</h1>
            <div class="muted">{t.groupBy(leader)}</div>
            <div>
              <span class="tag">{t.groupSize(g.size)}</span>
              <span class="price">{price}</span>
              <span class="was">{formatCny(product.price_cents)}</span>
            </div>
          </div>
        </section>
        <section class="panel center">
          <p class={`grp-state grp-${g.status}`} role="status">
            {stateLine(props)}
          </p>
          {g.status === "open" && island(Countdown, { until: g.expires_at, label: t.groupEndsIn, now: props.now })}
          <Seats {...props} />
          <Action {...props} title={meta.title} />
        </section>
      </main>
    </Layout>
  );
}

function stateLine({ group: g, viewer }: GroupPageProps): string {
  if (g.status === "succeeded") return t.groupSucceeded;
  if (g.status === "failed") return t.groupFailed;
  if (g.status === "pending") return viewer?.member ? t.groupPending : t.groupPendingFriend;
  return g.seats_left > 0 ? t.groupOpenNote(g.seats_left) : t.groupFullWaiting;
}

/** Every seat: members by nickname (the leader marked, the unpaid marked), the store's, the empty ones. */
function Seats({ group: g, storeSeats }: GroupPageProps) {
  const empty = Math.max(0, g.size - g.members.length - storeSeats);
  return (
    <ul class="seats">
      {g.members.map((m) => (
        <li class={m.paid ? "in" : "in unpaid"}>
          <i>{[...m.nickname][0] ?? "?"}</i>
          <span>{m.nickname}</span>
          {m.leader ? <em>{t.groupLeader}</em> : !m.paid && <em>{t.groupUnpaid}</em>}
        </li>
      ))}
      {Array.from({ length: storeSeats }, () => (
        <li class="in store">
          <i>店</i>
          <span>{t.groupStoreSeat}</span>
        </li>
      ))}
      {Array.from({ length: empty }, () => (
        <li class="open-seat">
          <i>?</i>
          <span>{t.groupEmptySeat}</span>
        </li>
      ))}
    </ul>
  );
}

function Action({ group: g, joinable, viewer, title }: GroupPageProps & { title: string }) {
  if (g.status === "open" && viewer?.member)
    return island(ShareButton, { url: `/g/${g.id}`, title, label: t.groupInvite });
  if (joinable && !viewer?.member) {
    return (
      <a class="btn btn-big" href={`/checkout?group_id=${encodeURIComponent(g.id)}`}>
        {t.groupJoin(formatCny(g.price_cents))}
      </a>
    );
  }
  if (viewer?.member && g.status !== "failed") return null;
  return (
    <a class="btn btn-ghost btn-big" href={`/p/${g.product_id}`}>
      {t.groupOtherGroups}
    </a>
  );
}
