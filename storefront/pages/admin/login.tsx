// The merchant's sign-in page: /admin/login?next=…
import { AdminLayout } from "../../components/admin-layout";
import { Island } from "../../components/island";
import { ta } from "../../i18n";
import { AdminLoginForm, type AdminLoginFormProps } from "../../islands/admin-login-form";

export function AdminLoginPage(props: { form: AdminLoginFormProps }) {
  return (
    <AdminLayout title={ta.loginTitle}>
      <div class="a-login">
        <Island name="AdminLoginForm" props={props.form}>
          <AdminLoginForm {...props.form} />
        </Island>
      </div>
    </AdminLayout>
  );
}
