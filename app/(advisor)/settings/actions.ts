"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { setBaseCurrency } from "@/lib/services/users/set-base-currency";
import { ZReviewThresholdsSchema } from "@/lib/services/reviews/review-schemas";
import { setReviewThresholds } from "@/lib/services/reviews/review-thresholds";
import { setConcentrationLimit } from "@/lib/services/insights/set-concentration-limit";

/** "" follows the firm's BASE_CURRENCY; anything else must be a currency with a stored rate (checked by the service). */
export const setBaseCurrencyAction = formAction({
  schema: z.object({ baseCurrency: z.union([z.literal(""), z.string().regex(/^[A-Z]{3}$/, "unknownCurrency")]) }),
  async run(user, { baseCurrency }) {
    await setBaseCurrency(user, baseCurrency === "" ? null : baseCurrency);
    // The form is reset after the action: re-rendered, its select shows the saved choice.
    revalidatePath("/settings");
    return { status: "ok" };
  },
});

/** The caller's own review thresholds (no user id in the form). */
export const setReviewThresholdsAction = formAction({
  schema: ZReviewThresholdsSchema,
  async run(user, input) {
    await setReviewThresholds(user, input);
    revalidatePath("/settings");
    return { status: "ok" };
  },
});

/** The concentration insights' limit, a whole percentage 1–100 (the service checks the range again). */
export const setConcentrationLimitAction = formAction({
  schema: z.object({ concentrationLimitPct: z.coerce.number().int("invalidLimit").min(1, "invalidLimit").max(100, "invalidLimit") }),
  async run(user, { concentrationLimitPct }) {
    await setConcentrationLimit(user, concentrationLimitPct);
    revalidatePath("/settings");
    return { status: "ok" };
  },
});
