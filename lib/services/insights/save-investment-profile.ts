import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { RISK_LEVELS, type TInvestmentProfile } from "@/lib/insights/investment-profile";
import { PRODUCT_FAMILIES } from "@/lib/insights/product-families";
import { findAccessibleClient } from "@/lib/services/clients/get-client";

const ZFamilySchema = z.object({ knowledge: z.boolean(), experience: z.boolean() }).strict();

/** Strict: a risk level of the scale and every family, each with both flags. */
export const ZInvestmentProfileSchema = z
  .object({
    riskLevel: z
      .number()
      .int()
      .refine((level) => (RISK_LEVELS as readonly number[]).includes(level), "riskLevel"),
    families: z
      .object(Object.fromEntries(PRODUCT_FAMILIES.map((family) => [family, ZFamilySchema])) as Record<(typeof PRODUCT_FAMILIES)[number], typeof ZFamilySchema>)
      .strict(),
  })
  .strict();

/** Records the client's profile (replacing the previous one) and audits it with the values, in one transaction. */
export async function saveInvestmentProfile(actor: TSessionUser, clientId: unknown, input: unknown): Promise<void> {
  const client = await findAccessibleClient(actor, clientId);
  if (client.archived) throw new AppError("CONFLICT", "archivedClient");
  const parsed = ZInvestmentProfileSchema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "invalidProfile");
  const profile: TInvestmentProfile = parsed.data;
  const data = { riskLevel: profile.riskLevel, familiesJson: JSON.stringify(profile.families), updatedById: actor.id };
  await getDb().$transaction(async (tx) => {
    await tx.investmentProfile.upsert({ where: { clientId: client.id }, create: { clientId: client.id, ...data }, update: data });
    await recordAuditEvent(
      {
        actor,
        action: "client.profile_update",
        target: { type: "client", id: client.id },
        details: { riskLevel: profile.riskLevel, families: profile.families },
      },
      tx,
    );
  });
}
