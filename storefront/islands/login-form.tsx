// Sign in or sign up with a phone and a password, then go back to the page that asked. The form
// posts to /login itself, so it works before this island loads and without JavaScript; once loaded,
// the island sends it through the API and shows a refusal without a reload.
import { useState } from "preact/hooks";
import { safeNextPath } from "../../core/rules/safe-next-path";
import { api, send } from "../api-client";
import { login as t } from "../i18n/zh-CN/login";

export type LoginMode = "login" | "signup";

export type LoginFormProps = {
  next: string;
  mode?: LoginMode;
  /** A refusal's code from the server's form handler, shown on the page it rendered. */
  error?: string | null;
  /** The phone the refused form was sent with (never the password). */
  phone?: string;
};

/** The page of the other mode, for a link that works without JavaScript. */
const loginHref = (mode: LoginMode, next: string) =>
  `/login?${new URLSearchParams(mode === "signup" ? { mode, next } : { next })}`;

export function LoginForm(props: LoginFormProps) {
  const [mode, setMode] = useState<LoginMode>(props.mode ?? "login");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(props.error ? (t.loginErrors[props.error] ?? t.loginFailed) : null);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const nickname = String(form.get("nickname") ?? "").trim();
    const body = {
      phone: String(form.get("phone") ?? "").trim(),
      password: String(form.get("password") ?? ""),
      ...(mode === "signup" && nickname ? { nickname } : {}),
    };
    setBusy(true);
    setError(null);
    const res = await send(
      mode === "signup" ? api.auth.signup.$post({ json: body }) : api.auth.login.$post({ json: body }),
    );
    if (res.ok) return void (location.href = safeNextPath(props.next));
    setError(t.loginErrors[res.code] ?? t.loginFailed);
    setBusy(false);
  }

  const signup = mode === "signup";
  const other: LoginMode = signup ? "login" : "signup";
  return (
    <form class="panel login" method="post" action="/login" onSubmit={submit}>
      <h1>{signup ? t.signupTitle : t.loginTitle}</h1>
      <input type="hidden" name="mode" value={mode} />
      <input type="hidden" name="next" value={props.next} />
      <div class="field">
        <label for="phone">{t.loginPhone}</label>
        <input
          id="phone"
          name="phone"
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={11}
          defaultValue={props.phone}
          required
        />
      </div>
      <div class="field">
        <label for="password">{t.loginPassword}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={signup ? "new-password" : "current-password"}
          minLength={signup ? 8 : 1}
          placeholder={signup ? t.loginPasswordHint : undefined}
          required
        />
      </div>
      {signup && (
        <div class="field">
          <label for="nickname">{t.loginNickname}</label>
          <input id="nickname" name="nickname" maxLength={30} autoComplete="nickname" />
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="btn" disabled={busy}>
        {busy ? t.loginBusy : signup ? t.signupSubmit : t.loginSubmit}
      </button>
      <a
        class="switch"
        href={loginHref(other, props.next)}
        onClick={(event) => {
          event.preventDefault();
          setMode(other);
          setError(null);
        }}
      >
        {signup ? t.loginToLogin : t.loginToSignup}
      </a>
    </form>
  );
}
