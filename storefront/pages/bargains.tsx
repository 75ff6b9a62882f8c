// 我的砍价: every bargain I started, newest first, each a tap away from its page.
import type { BargainView } from "../../core/contract/bargain";
import { PLACEHOLDER_PICTURE } from "../../core/rules/product-pictures";
import { Layout } from "../components/layout";
import { formatCny } from "../format";
import { t } from "../i18n";

export type BargainsPageProps = {
  origin: string;
  items: Array<{ bargain: BargainView; product: { title: string; imageUrl: string } }>;
};

export function BargainsPage(props: BargainsPageProps) {
  const meta = { title: t.navBargains, description: t.tagline, url: `${props.origin}/bargains` };
  return (
    <Layout meta={meta}>
      <main class="wrap">
        <h1 class="page-title">
          <span aria-hidden="true">🔪</span> {t.navBargains}
        </h1>
        {props.items.length === 0 ? (
          <div class="empty">
            <p>{t.bargainListEmpty}</p>
            <a class="btn" href="/">
              {t.bargainGoShopping}
            </a>
          </div>
        ) : (
          <ul class="bargain-list">
            {props.items.map(({ bargain: b, product }) => (
              <li>
                <a href={`/b/${b.id}`}>
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
                      <span class={`status status-${b.status}`}>{t.bargainStatus[b.status]}</span>
                      <span class="price">{t.bargainCurrent(formatCny(b.current_cents))}</span>
                    </div>
                    <div class="muted">
                      {b.status === "active"
                        ? t.bargainToGo(formatCny(b.current_cents - b.floor_cents))
                        : t.bargainHelpersProgress(b.helper_count, b.helpers_needed)}
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
