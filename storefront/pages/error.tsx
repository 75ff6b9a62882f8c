// What a page that failed on our side shows: an apology and a way back, never a stack trace.
import { Layout } from "../components/layout";
import { t } from "../i18n";

export function ErrorPage(props: { origin: string }) {
  return (
    <Layout meta={{ title: t.errorTitle, description: t.tagline, url: `${props.origin}/` }}>
      <main class="wrap empty">
        <h1>{t.errorTitle}</h1>
        <p>{t.errorRetry}</p>
        <a class="btn" href="/">
          {t.backHome}
        </a>
      </main>
    </Layout>
  );
}
