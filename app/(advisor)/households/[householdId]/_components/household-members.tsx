import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/components/ui/link";
import { SelectField } from "@/components/ui/select-field";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import type { THousehold } from "@/lib/services/households/get-household";
import { HOUSEHOLD_ROLES } from "@/lib/services/households/household-schemas";
import { removeHouseholdMemberAction, setHouseholdMemberAction } from "../../actions";

/** The members with their roles (each changeable, each removable), and the form that adds one. */
export function HouseholdMembers({ household, t }: { household: THousehold; t: TMessages }) {
  const h = t.households;
  const roleOptions = HOUSEHOLD_ROLES.map((role) => ({ value: role, label: h.roles[role] }));
  return (
    <Card title={h.members}>
      {household.members.length === 0 ? (
        <p className="mb-4 text-sm text-slate-700">{h.noMembers}</p>
      ) : (
        <div className="mb-6">
          <DataTable
            caption={h.membersCaption}
            columns={[{ label: h.client }, { label: h.role }, { label: t.common.actions, srOnly: true }]}
            testId="household-members"
            isFramed={false}
          >
            {household.members.map((member) => (
              <tr key={member.clientId}>
                <th scope="row" className="py-2 pr-4 text-left font-medium">
                  <Link href={`/clients/${member.clientId}`} className="text-brand-700 underline">
                    {member.displayName}
                  </Link>
                </th>
                <td className="py-2 pr-4">
                  <ActionForm
                    action={setHouseholdMemberAction}
                    hidden={[
                      { name: "householdId", value: household.id },
                      { name: "clientId", value: member.clientId },
                    ]}
                    label={h.saveRole}
                  >
                    <SelectField
                      id={`role-${member.clientId}`}
                      name="role"
                      label={interpolate(h.roleOf, { name: member.displayName })}
                      options={roleOptions}
                      defaultValue={member.role}
                    />
                  </ActionForm>
                </td>
                <td className="py-2 pr-4 text-right">
                  <ActionForm
                    action={removeHouseholdMemberAction}
                    hidden={[
                      { name: "householdId", value: household.id },
                      { name: "clientId", value: member.clientId },
                    ]}
                    label={h.remove}
                    variant="danger"
                    confirmText={interpolate(h.removeConfirm, { name: member.displayName })}
                  />
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
      <h3 className="mb-2 text-base font-semibold text-slate-900">{h.addMember}</h3>
      {household.candidates.length === 0 ? (
        <p className="text-sm text-slate-700">{h.noCandidates}</p>
      ) : (
        <ActionForm action={setHouseholdMemberAction} hidden={[{ name: "householdId", value: household.id }]} label={h.add}>
          <SelectField
            id="add-member-client"
            name="clientId"
            label={h.client}
            options={household.candidates.map((c) => ({ value: c.clientId, label: c.displayName }))}
          />
          <SelectField id="add-member-role" name="role" label={h.role} options={roleOptions} defaultValue="HOLDER" />
        </ActionForm>
      )}
    </Card>
  );
}
