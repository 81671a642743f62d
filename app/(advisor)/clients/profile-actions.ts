"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { PRODUCT_FAMILIES } from "@/lib/insights/product-families";
import { saveInvestmentProfile } from "@/lib/services/insights/save-investment-profile";
import { idField } from "@/lib/validation/fields";

const checkbox = z.literal("on").optional();
const familyFields = Object.fromEntries(PRODUCT_FAMILIES.flatMap((family) => [`${family}.knowledge`, `${family}.experience`].map((name) => [name, checkbox])));

/** The profile form: a risk level 1–5 and two checkboxes per family (ticked: "on"); the service validates the profile again. */
export const saveInvestmentProfileAction = formAction({
  schema: z
    .object({ clientId: idField, riskLevel: z.coerce.number().int("invalidProfile").min(1, "invalidProfile").max(5, "invalidProfile"), ...familyFields })
    .strict(),
  async run(user, input) {
    const fields = input as Record<string, unknown>;
    const families = Object.fromEntries(
      PRODUCT_FAMILIES.map((family) => [family, { knowledge: fields[`${family}.knowledge`] === "on", experience: fields[`${family}.experience`] === "on" }]),
    );
    await saveInvestmentProfile(user, input.clientId, { riskLevel: input.riskLevel, families });
    revalidatePath(`/clients/${input.clientId}`, "layout");
    return { status: "ok" };
  },
});
