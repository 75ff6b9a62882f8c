// 新建 / 编辑商品 (/admin/products/new, /admin/products/:id): the product form island.
import { AdminLayout } from "../../components/admin-layout";
import { island } from "../../components/island";
import { ta } from "../../i18n";
import { AdminProductForm, type AdminProductFormProps } from "../../islands/admin-product-form";

export function AdminProductEditPage(props: { form: AdminProductFormProps; created: boolean }) {
  const p = ta.products;
  const product = props.form.product;
  return (
    <AdminLayout title={product ? p.edit : p.new} section="products">
      <div class="a-head">
        <h1>{product ? `${p.edit} · ${product.title}` : p.new}</h1>
        {product && product.active && <a href={`/p/${product.id}`}>{p.view}</a>}
      </div>
      {props.created && (
        <p class="ok" role="status">
          {p.created}
        </p>
      )}
      {product && !product.active && <p class="muted">{p.archivedNote}</p>}
      <section class="a-card">{island(AdminProductForm, props.form)}</section>
    </AdminLayout>
  );
}
