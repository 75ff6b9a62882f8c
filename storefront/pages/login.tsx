// The sign-in page other pages send a visitor to, with `?next=` to come back to.
import { island } from "../components/island";
import { Layout } from "../components/layout";
import { t } from "../i18n";
import { LoginForm, type LoginFormProps } from "../islands/login-form";

export function LoginPage(props: { origin: string; form: LoginFormProps }) {
  const meta = { title: t.loginTitle, description: t.tagline, url: `${props.origin}/login` };
  return (
    <Layout meta={meta} islands>
      <main class="wrap">{island(LoginForm, props.form)}</main>
    </Layout>
  );
}
