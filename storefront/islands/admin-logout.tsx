// 退出: ends the merchant's session and goes back to the admin sign-in page.
import { ta } from "../i18n";

export function AdminLogout() {
  async function logout() {
    await fetch("/api/auth/logout", { method: "POST", credentials: "same-origin" }).catch(() => null);
    location.href = "/admin/login";
  }
  return (
    <button type="button" onClick={logout}>
      {ta.logout}
    </button>
  );
}
