// What a signed-in shopper sees at /admin: why not, and a way to sign in as the merchant.
import { AdminLayout } from "../../components/admin-layout";
import { t, ta } from "../../i18n";

export function AdminForbiddenPage(props: { nickname: string }) {
  return (
    <AdminLayout title={ta.forbiddenTitle}>
      <div class="a-login a-card">
        <h1>{ta.forbiddenTitle}</h1>
        <p>{ta.forbidden(props.nickname)}</p>
        <p class="a-bar">
          <a class="btn" href="/admin/login">
            {ta.switchAccount}
          </a>
          <a href="/">{t.backHome}</a>
        </p>
      </div>
    </AdminLayout>
  );
}
