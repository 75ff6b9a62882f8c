// 退出: ends the merchant's session and goes back to the admin sign-in page.
import { api, send } from "../api-client";
import { ta } from "../i18n";

export function AdminLogout() {
  async function logout() {
    await send(api.auth.logout.$post());
    location.href = "/admin/login";
  }
  return (
    <button type="button" onClick={logout}>
      {ta.logout}
    </button>
  );
}
