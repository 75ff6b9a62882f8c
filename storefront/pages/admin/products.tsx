// 商品管理 (/admin/products): every product with its price, stock, sale and status.
import type { ProductView } from "../../../core/contract/product";
import { AdminLayout } from "../../components/admin-layout";
import { formatCny } from "../../format";
import { ta } from "../../i18n";

export function AdminProductsPage(props: { products: ProductView[] }) {
  const p = ta.products;
  return (
    <AdminLayout title={p.title} section="products">
      <div class="a-head">
        <h1>{p.title}</h1>
        <a class="btn" href="/admin/products/new">
          {p.new}
        </a>
      </div>
      <section class="a-card">
        {props.products.length === 0 ? (
          <p class="a-empty">{p.empty}</p>
        ) : (
          <div class="a-scroll">
            <table class="a-table">
              <thead>
                <tr>
                  <th />
                  <th>{ta.fields.title}</th>
                  <th class="num">{p.price}</th>
                  <th class="num">{p.stock}</th>
                  <th>{p.status}</th>
                </tr>
              </thead>
              <tbody>
                {props.products.map((product) => (
                  <tr data-product={product.id}>
                    <td>
                      {product.image_url ? <img class="a-thumb" src={product.image_url} alt="" loading="lazy" /> : null}
                    </td>
                    <td>
                      <a href={`/admin/products/${product.id}`}>{product.title}</a>
                      <div>
                        {product.flash_sale && (
                          <span class="badge red">{`${p.flashBadge} ${formatCny(product.flash_sale.price_cents)}`}</span>
                        )}
                        {product.bargain && <span class="badge gold">{p.bargainBadge}</span>}
                        {product.group && <span class="badge red">{p.groupBadge(product.group.size)}</span>}
                        {product.clearance && (
                          <span class="badge gold">{`${p.clearanceBadge} ${formatCny(product.clearance.price_cents)}`}</span>
                        )}
                      </div>
                    </td>
                    <td class="num">{formatCny(product.price_cents)}</td>
                    <td class="num">
                      {product.stock}
                      {product.flash_sale && <div class="muted">{`${p.flashBadge} ${product.flash_sale.stock}`}</div>}
                    </td>
                    <td>
                      <span class={`badge ${product.active ? "green" : ""}`}>
                        {product.active ? p.active : p.archived}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </AdminLayout>
  );
}
