// Sign in or sign up with a phone and a password, then go back to the page that asked.
import { useState } from "preact/hooks";
import { safeNextPath } from "../../core/rules/safe-next-path";
import { api, send } from "../api-client";
import { login as t } from "../i18n/zh-CN/login";

export type LoginFormProps = { next: string; mode?: "login" | "signup" };

export function LoginForm(props: LoginFormProps) {
  const [mode, setMode] = useState(props.mode ?? "login");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
  return (
    <form class="panel login" onSubmit={submit}>
      <h1>{signup ? t.signupTitle : t.loginTitle}</h1>
      <div class="field">
        <label for="phone">{t.loginPhone}</label>
        <input id="phone" name="phone" type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} required />
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
      <button
        type="button"
        class="switch"
        onClick={() => {
          setMode(signup ? "login" : "signup");
          setError(null);
        }}
      >
        {signup ? t.loginToLogin : t.loginToSignup}
      </button>
    </form>
  );
}
