import { z } from "zod";
import { idField, requiredText } from "@/lib/validation/fields";

/** A member's place in the household; the labels are in the messages (households.roles). */
export const HOUSEHOLD_ROLES = ["HOLDER", "SPOUSE", "CHILD", "COMPANY", "OWNER", "OTHER"] as const;
export type THouseholdRole = (typeof HOUSEHOLD_ROLES)[number];

export const ZHouseholdNameSchema = z.object({ name: requiredText(120) });
export type THouseholdNameInput = z.infer<typeof ZHouseholdNameSchema>;

export const ZHouseholdIdSchema = z.object({ householdId: idField });

export const ZHouseholdMemberSchema = z.object({
  householdId: idField,
  clientId: idField,
  role: z.enum(HOUSEHOLD_ROLES, { error: "required" }),
});
export type THouseholdMemberInput = z.infer<typeof ZHouseholdMemberSchema>;

export const ZHouseholdMemberRefSchema = z.object({ householdId: idField, clientId: idField });

/** A role stored by an older or newer version reads as OTHER rather than failing the page. */
export function parseHouseholdRole(value: string): THouseholdRole {
  return (HOUSEHOLD_ROLES as readonly string[]).includes(value) ? (value as THouseholdRole) : "OTHER";
}
