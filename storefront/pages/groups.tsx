// 我的拼团: the groups I opened or joined, newest first, each a tap away from its page.
import type { GroupView } from "../../core/contract/group";
import { PLACEHOLDER_PICTURE } from "../../core/rules/product-pictures";
import { Layout } from "../components/layout";
import { formatCny } from "../format";
import { GROUP_STYLES } from "../group-styles";
import { t } from "../i18n";

export type GroupsPageProps = {
  origin: string;
  items: Array<{ group: GroupView; product: { title: string; imageUrl: string } }>;
};

export function GroupsPage(props: GroupsPageProps) {
  const meta = { title: t.navGroups, description: t.tagline, url: `${props.origin}/groups` };
  return (
    <Layout meta={meta} styles={GROUP_STYLES}>
      <main class="wrap">
        <h1 class="page-title">
          <span aria-hidden="true">👥</span> {t.navGroups}
        </h1>
        {props.items.length === 0 ? (
          <div class="empty">
            <p>{t.groupListEmpty}</p>
            <a class="btn" href="/">
              {t.bargainGoShopping}
            </a>
          </div>
        ) : (
          <ul class="bargain-list">
            {props.items.map(({ group: g, product }) => (
              <li>
                <a href={`/g/${g.id}`}>
                  <img
                    src={product.imageUrl || PLACEHOLDER_PICTURE}
                    alt={product.title}
                    width="72"
                    height="72"
                    loading="lazy"
                  />
                  <div>
                    <div class="title">{product.title}</div>
                    <div>
                      <span class={`status status-${g.status}`}>{t.groupStatus[g.status]}</span>
                      <span class="price">{formatCny(g.price_cents)}</span>
                    </div>
                    <div class="muted">
                      {g.status === "open" && g.seats_left > 0
                        ? t.groupSeatsLeft(g.seats_left)
                        : `${t.groupSize(g.size)} · ${g.members.length}/${g.size}`}
                    </div>
                  </div>
                </a>
              </li>
            ))}
          </ul>
        )}
      </main>
    </Layout>
  );
}
