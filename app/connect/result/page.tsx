import { cookies } from "next/headers";
import { Link } from "@/components/ui/link";
import { z } from "zod";
import { getMessages } from "@/lib/i18n/get-locale";
import { interpolate } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { getConnectResult } from "@/lib/services/invitations/get-connect-result";
import { openInvitation } from "@/lib/services/invitations/open-invitation";
import { CONNECT_COOKIE } from "../connect-cookie";

export const generateMetadata = pageTitle("connectResult", { referrer: "no-referrer" });

const ERROR_CODES = [
  "INVALID_CREDENTIALS",
  "INVALID_SCA",
  "CREDENTIALS_ALREADY_EXIST",
  "INTERNAL_ERROR",
  "ABORTED_BY_USER",
  "UNKNOWN",
  "UNAVAILABLE",
  "REJECTED",
  "UNKNOWN_LINK",
] as const;
const ZResultQuerySchema = z.object({ exchange: z.string().max(40).optional().catch(undefined), error: z.enum(ERROR_CODES).optional().catch("UNKNOWN") });

export default async function ConnectResultPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = ZResultQuerySchema.parse(await searchParams);
  const { t } = await getMessages();
  // The invitation this browser consented to, to offer another attempt or another bank.
  const token = (await cookies()).get(CONNECT_COOKIE)?.value;
  const invitation = token ? await openInvitation(token) : null;
  const retryHref = invitation && token ? `/connect/${token}` : null;
  const result = query.exchange ? await getConnectResult(query.exchange) : null;

  if (!result) {
    const code = query.error ?? "UNKNOWN";
    return (
      <section className="rounded-lg border border-slate-200 bg-white p-6" data-testid="connect-result">
        <h1 className="text-xl font-semibold">{code === "CREDENTIALS_ALREADY_EXIST" ? t.connect.resultTitle : t.connect.errorTitle}</h1>
        <p className="mt-2 text-slate-800" role="alert">
          {t.connect.errors[code]}
        </p>
        {retryHref && code !== "CREDENTIALS_ALREADY_EXIST" ? (
          <p className="mt-6">
            <Link href={retryHref} className="inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
              {t.connect.tryAgain}
            </Link>
          </p>
        ) : (
          <p className="mt-4 text-sm text-slate-700">{t.connect.close}</p>
        )}
      </section>
    );
  }
  const names = { bank: result.bank || "—", advisor: result.advisorName, firm: result.firmName };
  const body = result.isVerifying ? t.connect.verifyingBody : result.purpose === "CONNECT" ? t.connect.resultBody : t.connect.reauthDone;
  return (
    <section className="rounded-lg border border-emerald-300 bg-white p-6" data-testid="connect-result">
      <h1 className="text-xl font-semibold">{t.connect.resultTitle}</h1>
      <p className="mt-2 text-slate-800" role="status">
        {interpolate(body, names)}
      </p>
      {retryHref && result.purpose === "CONNECT" ? (
        <p className="mt-6">
          <Link
            href={retryHref}
            className="inline-flex rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100"
          >
            {t.connect.another}
          </Link>
        </p>
      ) : null}
      <p className="mt-4 text-sm text-slate-700">{t.connect.close}</p>
    </section>
  );
}
