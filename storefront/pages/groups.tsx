// 我的拼团: the groups I opened or joined, newest first, each a tap away from its page.
import type { GroupView } from "../../core/contract/group";
import { Layout } from "../components/layout";
import { MyList } from "../components/my-list";
import { formatCny } from "../format";
import { GROUP_STYLES } from "../group-styles";
import { t } from "../i18n";

export type GroupsPageProps = {
  origin: string;
  items: Array<{ group: GroupView; product: { title: string; imageUrl: string } }>;
};

export function GroupsPage(props: GroupsPageProps) {
  const meta = { title: t.navGroups, description: t.tagline, url: `${props.origin}/groups` };
  const rows = props.items.map(({ group: g, product }) => ({
    href: `/g/${g.id}`,
    product,
    status: g.status,
    statusLabel: t.groupStatus[g.status],
    price: formatCny(g.price_cents),
    note:
      g.status === "open" && g.seats_left > 0
        ? t.groupSeatsLeft(g.seats_left)
        : `${t.groupSize(g.size)} · ${g.members.length}/${g.size}`,
  }));
  return (
    <Layout meta={meta} styles={GROUP_STYLES}>
      <MyList icon="👥" title={t.navGroups} empty={t.groupListEmpty} rows={rows} />
    </Layout>
  );
}
