// The merchant's sign-in: the shoppers' login API, then a check that the account is a merchant's.
import { useState } from "preact/hooks";
import { safeAdminNextPath } from "../../core/rules/safe-next-path";
import { api, send } from "../api-client";
import { t, ta } from "../i18n";

export type AdminLoginFormProps = { next: string };

export function AdminLoginForm(props: AdminLoginFormProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    const res = await send(
      api.auth.login.$post({
        json: { phone: String(form.get("phone") ?? "").trim(), password: String(form.get("password") ?? "") },
      }),
    );
    if (res.ok && res.body.user.role === "admin") return void (location.href = safeAdminNextPath(props.next));
    setError(res.ok ? ta.notMerchant : (t.loginErrors[res.code] ?? t.loginFailed));
    setBusy(false);
  }

  return (
    <form class="a-card a-form" method="post" onSubmit={submit}>
      <h1>{ta.loginTitle}</h1>
      <p class="muted">{ta.loginIntro}</p>
      <div class="f">
        <label for="phone">{t.loginPhone}</label>
        <input id="phone" name="phone" type="tel" inputMode="numeric" autoComplete="username" maxLength={11} required />
      </div>
      <div class="f">
        <label for="password">{t.loginPassword}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="btn" disabled={busy}>
        {busy ? t.loginBusy : t.loginSubmit}
      </button>
    </form>
  );
}
