// Where a `?next=` may send a visitor after signing in: a path on this store, never another host.

const PROBE_ORIGIN = "https://store.invalid";

/**
 * A path on this store only: a single leading "/" and nothing a browser could read as another host
 * ("//evil", "/\evil", hidden whitespace).
 * @returns `next` when it is such a path, else "/"
 * @example safeNextPath("/checkin") // "/checkin"; safeNextPath("//evil.example") // "/"
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 512 || !/^\/(?![/\\])[^\\\u0000-\u0020\u007f]*$/.test(next)) return "/";
  return new URL(next, PROBE_ORIGIN).origin === PROBE_ORIGIN ? next : "/";
}

/**
 * Only an /admin path: a merchant signing in is going back to the admin.
 * @example safeAdminNextPath("/checkin") // "/admin"
 */
export function safeAdminNextPath(next: string | null | undefined): string {
  const path = safeNextPath(next);
  return path === "/admin" || path.startsWith("/admin/") || path.startsWith("/admin?") ? path : "/admin";
}
