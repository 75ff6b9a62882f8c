// 我的砍价: every bargain I started, newest first, each a tap away from its page.
import type { BargainView } from "../../core/contract/bargain";
import { Layout } from "../components/layout";
import { MyList } from "../components/my-list";
import { formatCny } from "../format";
import { t } from "../i18n";

export type BargainsPageProps = {
  origin: string;
  items: Array<{ bargain: BargainView; product: { title: string; imageUrl: string } }>;
};

export function BargainsPage(props: BargainsPageProps) {
  const meta = { title: t.navBargains, description: t.tagline, url: `${props.origin}/bargains` };
  const rows = props.items.map(({ bargain: b, product }) => ({
    href: `/b/${b.id}`,
    product,
    status: b.status,
    statusLabel: t.bargainStatus[b.status],
    price: t.bargainCurrent(formatCny(b.current_cents)),
    note:
      b.status === "active"
        ? t.bargainToGo(formatCny(b.current_cents - b.floor_cents))
        : t.bargainHelpersProgress(b.helper_count, b.helpers_needed),
  }));
  return (
    <Layout meta={meta}>
      <MyList icon="🔪" title={t.navBargains} empty={t.bargainListEmpty} rows={rows} />
    </Layout>
  );
}
