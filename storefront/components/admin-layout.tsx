// The shell of every admin page: its own styles and script (kept out of shoppers' pages), a nav.
import type { ComponentChildren } from "preact";
import { ADMIN_STYLES } from "../admin-styles";
import { LANG, t, ta } from "../i18n";
import { AdminLogout } from "../islands/admin-logout";
import { island } from "./island";

export type AdminSection = keyof typeof ta.nav;

const SECTIONS: Array<[AdminSection, string]> = [
  ["dashboard", "/admin"],
  ["products", "/admin/products"],
  ["orders", "/admin/orders"],
  ["groups", "/admin/groups"],
  ["distributors", "/admin/distributors"],
  ["settings", "/admin/settings"],
];

/** @param section the nav entry to mark; none on the sign-in and refusal pages, which have no nav. */
export function AdminLayout(props: { title: string; section?: AdminSection; children: ComponentChildren }) {
  return (
    <html lang={LANG}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} · ${ta.title}`}</title>
        <link rel="icon" href="/img/logo.svg" type="image/svg+xml" />
        <style dangerouslySetInnerHTML={{ __html: ADMIN_STYLES }} />
        <script type="module" src="/assets/admin.js" />
      </head>
      <body>
        <header class="a-top">
          <div class="in">
            <a class="a-brand" href="/admin">
              {t.storeName}
              <small>{ta.title}</small>
            </a>
            {props.section && (
              <nav class="a-nav">
                {SECTIONS.map(([key, href]) => (
                  <a href={href} class={key === props.section ? "on" : undefined}>
                    {ta.nav[key]}
                  </a>
                ))}
              </nav>
            )}
            <div class="a-tools">
              <a href="/">{ta.viewStore}</a>
              {props.section && island(AdminLogout, {})}
            </div>
          </div>
        </header>
        <main class="a-main">{props.children}</main>
      </body>
    </html>
  );
}
