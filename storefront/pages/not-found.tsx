// What a dead link shows: a way back to the store.
import { Layout } from "../components/layout";
import { t } from "../i18n";

export function NotFoundPage(props: { message: string; origin: string }) {
  return (
    <Layout meta={{ title: props.message, description: t.tagline, url: `${props.origin}/` }}>
      <main class="wrap empty">
        <p>{props.message}</p>
        <a class="btn" href="/">
          {t.backHome}
        </a>
      </main>
    </Layout>
  );
}
