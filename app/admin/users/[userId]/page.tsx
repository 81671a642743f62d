import { Link } from "@/components/ui/link";
import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TextField } from "@/components/ui/text-field";
import { requireAdmin } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { getUser } from "@/lib/services/users/get-user";
import { resetUserPasswordAction, setUserDisabledAction } from "../../actions";

export const generateMetadata = pageTitle("user");

export default async function AdminUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const admin = await requireAdmin();
  const user = await orNotFound(getUser(admin, (await params).userId));
  const { t } = await getMessages();
  const isSelf = user.id === admin.id;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/users" className="text-brand-700 underline">
          ← {t.admin.users}
        </Link>
      </p>
      <PageHeader
        title={user.name}
        description={`${user.email} · ${user.role === "ADMIN" ? t.admin.roleAdmin : t.admin.roleAdvisor} · ${user.disabled ? t.admin.disabled : t.admin.enabled}`}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t.admin.status}>
          {isSelf ? (
            <p className="text-sm text-slate-700">{t.admin.cannotDisableSelf}</p>
          ) : (
            <ActionForm
              action={setUserDisabledAction}
              hidden={[
                { name: "userId", value: user.id },
                { name: "disabled", value: user.disabled ? "0" : "1" },
              ]}
              label={user.disabled ? t.admin.enable : t.admin.disable}
              variant={user.disabled ? "primary" : "danger"}
            />
          )}
        </Card>
        <Card title={t.admin.resetPassword}>
          <ActionForm action={resetUserPasswordAction} hidden={[{ name: "userId", value: user.id }]} label={t.admin.resetPassword}>
            <TextField
              name="password"
              type="password"
              label={t.admin.newPassword}
              hint={t.admin.passwordHint}
              autoComplete="new-password"
              className="min-w-64 flex-1"
            />
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
