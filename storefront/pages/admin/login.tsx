// The merchant's sign-in page: /admin/login?next=…
import { AdminLayout } from "../../components/admin-layout";
import { island } from "../../components/island";
import { ta } from "../../i18n";
import { AdminLoginForm, type AdminLoginFormProps } from "../../islands/admin-login-form";

export function AdminLoginPage(props: { form: AdminLoginFormProps }) {
  return (
    <AdminLayout title={ta.loginTitle}>
      <div class="a-login">{island(AdminLoginForm, props.form)}</div>
    </AdminLayout>
  );
}
