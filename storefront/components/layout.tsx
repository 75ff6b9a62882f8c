// The HTML shell of every page: inline CSS, card tags for chat apps, the islands bundle.
import type { ComponentChildren } from "preact";
import { LANG, t } from "../i18n";
import { STYLES } from "../styles";

export type Meta = {
  title: string;
  description: string;
  /** Absolute URLs: chat apps fetch them from outside. */
  url: string;
  image?: string;
};

/** @param styles rules only this page needs, inlined after the store's sheet */
export function Layout(props: { meta: Meta; children: ComponentChildren; islands?: boolean; styles?: string }) {
  const { meta } = props;
  return (
    <html lang={LANG}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover" />
        <title>{meta.title}</title>
        <meta name="description" content={meta.description} />
        <link rel="icon" href="/img/logo.svg" type="image/svg+xml" />
        <meta property="og:type" content="product" />
        <meta property="og:site_name" content={t.storeName} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={meta.url} />
        {meta.image && <meta property="og:image" content={meta.image} />}
        <meta name="twitter:card" content={meta.image ? "summary_large_image" : "summary"} />
        <meta name="twitter:title" content={meta.title} />
        <meta name="twitter:description" content={meta.description} />
        {meta.image && <meta name="twitter:image" content={meta.image} />}
        <style dangerouslySetInnerHTML={{ __html: props.styles ? STYLES + props.styles : STYLES }} />
        {props.islands && <script type="module" src="/assets/app.js" />}
      </head>
      <body>
        <header class="top">
          <div class="wrap">
            <a class="brand" href="/">
              {t.storeName}
              <small>{t.tagline}</small>
            </a>
            <nav>
              <a href="/checkin">{t.navCheckin}</a>
              <a href="/me">{t.navPromote}</a>
            </nav>
          </div>
        </header>
        {props.children}
        <footer>© {t.storeName}</footer>
      </body>
    </html>
  );
}
