// The merchant's sign-in: the shoppers' login API, then a check that the account is a merchant's. The
// form posts to /admin/login itself, so it works before this island loads and without JavaScript.
import { useState } from "preact/hooks";
import { safeAdminNextPath } from "../../core/rules/safe-next-path";
import { api, send } from "../api-client";
import { t, ta } from "../i18n";

export type AdminLoginFormProps = {
  next: string;
  /** A refusal's code from the server's form handler (`not_merchant` for a shopper's account). */
  error?: string | null;
  /** The phone the refused form was sent with (never the password). */
  phone?: string;
};

const errorText = (code: string) => (code === "not_merchant" ? ta.notMerchant : (t.loginErrors[code] ?? t.loginFailed));

export function AdminLoginForm(props: AdminLoginFormProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(props.error ? errorText(props.error) : null);

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
    setError(errorText(res.ok ? "not_merchant" : res.code));
    setBusy(false);
  }

  return (
    <form class="a-card a-form" method="post" action="/admin/login" onSubmit={submit}>
      <h1>{ta.loginTitle}</h1>
      <p class="muted">{ta.loginIntro}</p>
      <input type="hidden" name="next" value={props.next} />
      <div class="f">
        <label for="phone">{t.loginPhone}</label>
        <input
          id="phone"
          name="phone"
          type="tel"
          inputMode="numeric"
          autoComplete="username"
          maxLength={11}
          defaultValue={props.phone}
          required
        />
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
