// 店铺设置 (/admin/settings): the rules PRODUCT.md lets the merchant change.
import type { StoreSettings } from "../../../core/contract/settings";
import { AdminLayout } from "../../components/admin-layout";
import { island } from "../../components/island";
import { ta } from "../../i18n";
import { AdminSettingsForm } from "../../islands/admin-settings-form";

export function AdminSettingsPage(props: { settings: StoreSettings }) {
  const s = ta.settings;
  return (
    <AdminLayout title={s.title} section="settings">
      <h1>{s.title}</h1>
      <p class="muted">{s.intro}</p>
      <section class="a-card">{island(AdminSettingsForm, { settings: props.settings })}</section>
    </AdminLayout>
  );
}
