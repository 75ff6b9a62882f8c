// The page of a shopper's own things (我的砍价, 我的拼团): newest first, each a row with its
// product's picture that taps through to its page, or a way back to shopping when there are none.
import { PLACEHOLDER_PICTURE } from "../../core/rules/product-pictures";
import { t } from "../i18n";

export type MyListRow = {
  href: string;
  product: { title: string; imageUrl: string };
  /** The status's class suffix (`status-<status>`) and its words. */
  status: string;
  statusLabel: string;
  price: string;
  note: string;
};

export function MyList(props: { icon: string; title: string; empty: string; rows: MyListRow[] }) {
  return (
    <main class="wrap">
      <h1 class="page-title">
        <span aria-hidden="true">{props.icon}</span> {props.title}
      </h1>
      {props.rows.length === 0 ? (
        <div class="empty">
          <p>{props.empty}</p>
          <a class="btn" href="/">
            {t.bargainGoShopping}
          </a>
        </div>
      ) : (
        <ul class="bargain-list">
          {props.rows.map((row) => (
            <li>
              <a href={row.href}>
                <img
                  src={row.product.imageUrl || PLACEHOLDER_PICTURE}
                  alt={row.product.title}
                  width="72"
                  height="72"
                  loading="lazy"
                />
                <div>
                  <div class="title">{row.product.title}</div>
                  <div>
                    <span class={`status status-${row.status}`}>{row.statusLabel}</span>
                    <span class="price">{row.price}</span>
                  </div>
                  <div class="muted">{row.note}</div>
                </div>
              </a>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
