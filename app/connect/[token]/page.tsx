import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { checkPublicRequestLimit } from "@/lib/security/public-request-limit";
import { openInvitation } from "@/lib/services/invitations/open-invitation";
import { RateLimited } from "../rate-limited";
import { ConsentForm } from "./consent-form";

export const generateMetadata = pageTitle("connect", { referrer: "no-referrer" });

export default async function ConnectPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { t } = await getMessages();
  if (!(await checkPublicRequestLimit()).ok) return <RateLimited message={t.errors.tooManyRequests} />;
  const invitation = await openInvitation(token);
  if (!invitation) {
    return (
      <section className="rounded-lg border border-slate-200 bg-white p-6">
        <h1 className="text-xl font-semibold">{t.connect.invalidTitle}</h1>
        <p className="mt-2 text-slate-700">{t.connect.invalidBody}</p>
      </section>
    );
  }
  const names = { advisor: invitation.advisorName, firm: invitation.firmName, bank: invitation.bank ?? "" };
  const title = invitation.purpose === "SCA" ? t.connect.reauthTitle : invitation.purpose === "RESET" ? t.connect.resetTitle : t.connect.title;
  const intro = invitation.purpose === "SCA" ? t.connect.reauthIntro : invitation.purpose === "RESET" ? t.connect.resetIntro : t.connect.intro;
  return (
    <section className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white p-6">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="mt-2 text-slate-800">{interpolate(intro, names)}</p>
      </div>
      {invitation.purpose === "CONNECT" ? (
        <div>
          <h2 className="font-semibold">{t.connect.sharedTitle}</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
            {t.connect.shared.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h2 className="font-semibold">{t.connect.howTitle}</h2>
        <p className="mt-2 text-sm text-slate-800">{t.connect.how}</p>
      </div>
      <ConsentForm
        token={token}
        consentText={interpolate(t.connect.consent, names)}
        labels={{
          consentRequired: t.connect.consentRequired,
          invalidBody: t.connect.invalidBody,
          rateLimited: t.errors.tooManyRequests,
          continue: t.connect.continue,
          pending: t.common.loading,
        }}
      />
    </section>
  );
}
