import { InvestmentProfileForm } from "@/components/insights/investment-profile-form";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { pageTitle } from "@/lib/i18n/page-title";
import { getInvestmentProfile } from "@/lib/services/insights/get-investment-profile";
import { saveInvestmentProfileAction } from "../../profile-actions";

export const generateMetadata = pageTitle("investmentProfile");

/** The client's investment profile: what the MiFID answers suggest, and the form that records it. */
export default async function InvestmentProfilePage({ params }: { params: Promise<{ clientId: string }> }) {
  const user = await requireUser();
  const page = await orNotFound(getInvestmentProfile(user, (await params).clientId));
  return <InvestmentProfileForm page={page} action={saveInvestmentProfileAction} />;
}
