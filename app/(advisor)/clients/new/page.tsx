import { Link } from "@/components/ui/link";
import { ClientForm } from "@/components/clients/client-form";
import { I18nScope } from "@/components/i18n/i18n-scope";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { createClientAction } from "../actions";

export const generateMetadata = pageTitle("newClient");

export default async function NewClientPage() {
  const { t } = await getMessages();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/clients" className="text-brand-700 underline">
          ← {t.clients.title}
        </Link>
      </p>
      <PageHeader title={t.clients.new} />
      <Card>
        <I18nScope namespaces={["clients"]}>
          <ClientForm action={createClientAction} submitLabel={t.common.create} />
        </I18nScope>
      </Card>
    </>
  );
}
