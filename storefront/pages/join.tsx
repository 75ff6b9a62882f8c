// The page an invite link opens: who invites you, and one button to become their recruit.
import { island } from "../components/island";
import { Layout } from "../components/layout";
import { t } from "../i18n";
import { BecomeDistributor, type BecomeDistributorProps } from "../islands/become-distributor";

export type JoinPageProps = {
  origin: string;
  inviteCode: string;
  inviterNickname: string;
  /** signed_out: sign in first; eligible: can accept; already: a distributor (or the inviter) already. */
  state: "signed_out" | "eligible" | "already";
};

export function JoinPage(props: JoinPageProps) {
  const path = `/join?invite=${encodeURIComponent(props.inviteCode)}`;
  const title = t.joinTitle(props.inviterNickname);
  const become: BecomeDistributorProps = { label: t.joinAccept, inviteCode: props.inviteCode, backTo: path };
  return (
    <Layout
      meta={{ title, description: t.joinIntro, url: `${props.origin}${path}` }}
      islands={props.state === "eligible"}
    >
      <main class="wrap promote">
        <section class="promote-hero">
          <h1>
            <span aria-hidden="true">🤝</span> {title}
          </h1>
          <p>{t.joinIntro}</p>
        </section>
        <section class="panel center">
          {props.state === "signed_out" && (
            <a class="btn btn-block" href={`/login?mode=signup&next=${encodeURIComponent(path)}`}>
              {t.joinSignIn}
            </a>
          )}
          {props.state === "eligible" && island(BecomeDistributor, become)}
          {props.state === "already" && (
            <>
              <p>{t.joinAlready}</p>
              <a class="btn btn-block" href="/me">
                {t.joinGoPromote}
              </a>
            </>
          )}
        </section>
      </main>
    </Layout>
  );
}
