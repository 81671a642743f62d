import { Link } from "@/components/ui/link";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { listUsers } from "@/lib/services/users/list-users";
import { createUserAction } from "../actions";
import { DataTable } from "@/components/ui/data-table";

export const generateMetadata = pageTitle("users");

export default async function AdminUsersPage() {
  const admin = await requireAdmin();
  const { t } = await getMessages();
  const users = await listUsers(admin);
  return (
    <>
      <PageHeader title={t.admin.users} />
      <div className="flex flex-col gap-6">
        <DataTable
          caption={t.admin.users}
          columns={[
            { label: t.admin.name },
            { label: t.admin.email },
            { label: t.admin.role },
            { label: t.admin.status },
            { label: t.admin.clientsCount, align: "right" },
          ]}
        >
          {users.map((user) => (
            <tr key={user.id}>
              <td className="px-4 py-3 font-medium">
                <Link href={`/admin/users/${user.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {user.name}
                </Link>
              </td>
              <td className="px-4 py-3 text-slate-700">{user.email}</td>
              <td className="px-4 py-3 text-slate-700">{user.role === "ADMIN" ? t.admin.roleAdmin : t.admin.roleAdvisor}</td>
              <td className="px-4 py-3">
                <span className={`rounded px-2 py-0.5 text-xs font-semibold ${user.disabled ? "bg-red-100 text-red-900" : "bg-emerald-100 text-emerald-900"}`}>
                  {user.disabled ? t.admin.disabled : t.admin.enabled}
                </span>
              </td>
              <td className="px-4 py-3 text-right tabular">{user.clientCount}</td>
            </tr>
          ))}
        </DataTable>
        <Card title={t.admin.newUser}>
          <CreateUserForm action={createUserAction} />
        </Card>
      </div>
    </>
  );
}
