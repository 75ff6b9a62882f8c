// A product in the grid: picture, title, the price a shopper pays now.
import type { ProductView } from "../../core/contract/product";
import { currentUnitPrice } from "../../core/rules/flash-sale";
import { formatCny } from "../format";
import { t } from "../i18n";
import { Price } from "./price";

/**
 * @param load how its picture loads: `first` is the page's largest picture (at once, before the
 *   rest), `eager` one on the first screen, `lazy` one further down
 */
export function ProductCard({
  product,
  now,
  load,
}: {
  product: ProductView;
  now: number;
  load: "first" | "eager" | "lazy";
}) {
  const { price_cents, flash } = currentUnitPrice(product, now);
  return (
    <a class="card" href={`/p/${product.id}`}>
      <img
        src={product.image_url}
        alt={product.title}
        loading={load === "lazy" ? "lazy" : "eager"}
        fetchpriority={load === "first" ? "high" : undefined}
        width="300"
        height="300"
      />
      <div class="body">
        <div class="title">{product.title}</div>
        <div>
          {flash && <span class="tag">{t.flashSale}</span>}
          {product.bargain && <span class="tag">{t.bargainable}</span>}
          {product.group && <span class="tag">{t.groupSize(product.group.size)}</span>}
        </div>
        <Price cents={price_cents} wasCents={price_cents < product.price_cents ? product.price_cents : undefined} />
        {product.bargain && <div class="muted">{t.bargainFrom(formatCny(product.bargain.floor_cents))}</div>}
      </div>
    </a>
  );
}
