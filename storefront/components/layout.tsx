// The HTML shell of every page: inline CSS, the card tags chat apps draw a shared link with, the
// islands bundle.
import type { ComponentChildren } from "preact";
import { LANG, t } from "../i18n";
import { type OgImage, storeOgImage } from "../og-image";
import { STYLES } from "../styles";

export type Meta = {
  title: string;
  description: string;
  /** Absolute URLs: chat apps fetch them from outside. */
  url: string;
  /** The chat card (storefront/og-image.ts): a product's, or the store's when absent. */
  image?: OgImage;
  /** og:type: a product page is a "product"; the rest are the store's pages. */
  type?: "website" | "product";
};

/** @param styles rules only this page needs, inlined after the store's sheet */
export function Layout(props: { meta: Meta; children: ComponentChildren; islands?: boolean; styles?: string }) {
  const { meta } = props;
  const image = meta.image ?? storeOgImage(new URL(meta.url).origin);
  return (
    <html lang={LANG}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover" />
        <title>{meta.title}</title>
        <meta name="description" content={meta.description} />
        <link rel="icon" href="/img/logo.svg" type="image/svg+xml" />
        <meta property="og:type" content={meta.type ?? "website"} />
        <meta property="og:site_name" content={t.storeName} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={meta.url} />
        <meta property="og:image" content={image.url} />
        <meta property="og:image:type" content={image.type} />
        <meta property="og:image:width" content={String(image.width)} />
        <meta property="og:image:height" content={String(image.height)} />
        <meta property="og:image:alt" content={image.alt} />
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content={meta.title} />
        <meta name="twitter:description" content={meta.description} />
        <meta name="twitter:image" content={image.url} />
        <meta name="twitter:image:alt" content={image.alt} />
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
            <nav aria-label={t.navMainLabel}>
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
