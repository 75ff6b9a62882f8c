// 品牌清仓: the products the merchant marked for clearance, deepest discount first, with the
// clearance price, the discount and the stock left.
import type { ProductView } from "../../core/contract/product";
import { clearanceDiscountBp } from "../../core/rules/clearance";
import { Layout } from "../components/layout";
import { Price } from "../components/price";
import { t } from "../i18n";

export function ClearancePage(props: { products: ProductView[]; origin: string }) {
  const meta = { title: t.clearanceTitle, description: t.clearanceIntro, url: `${props.origin}/clearance` };
  return (
    <Layout meta={meta}>
      <main class="wrap" style="padding-top:12px">
        <div class="checkin-hero">
          <h1>
            <span aria-hidden="true">🏷️</span> {t.clearanceTitle}
          </h1>
          <p>{t.clearanceIntro}</p>
        </div>
        {props.products.length === 0 ? (
          <p class="empty">{t.clearanceEmpty}</p>
        ) : (
          <div class="grid">
            {props.products.map((p) => (
              <a class="card" href={`/p/${p.id}`}>
                <img src={p.image_url} alt={p.title} loading="lazy" width="300" height="300" />
                <div class="body">
                  <div class="title">{p.title}</div>
                  <div>
                    <span class="tag">
                      {t.clearanceOff(clearanceDiscountBp(p.price_cents, p.clearance!.price_cents))}
                    </span>
                  </div>
                  <Price cents={p.clearance!.price_cents} wasCents={p.price_cents} />
                  <div class="muted">{t.clearanceStock(p.stock)}</div>
                </div>
              </a>
            ))}
          </div>
        )}
      </main>
    </Layout>
  );
}
