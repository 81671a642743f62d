import { z } from "zod";
import { idField, optionalText } from "@/lib/validation/fields";

/** A calendar day as an <input type="date"> sends it. Not in the future: checked by the service, in the firm's time zone. */
const reviewDayField = z
  .string({ error: "required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDay")
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), "invalidDay");

export const REVIEW_NOTE_MAX = 500;

export const ZReviewInputSchema = z.object({ reviewDay: reviewDayField, note: optionalText(REVIEW_NOTE_MAX) });
export type TReviewInput = z.infer<typeof ZReviewInputSchema>;

export const ZMarkClientReviewedSchema = ZReviewInputSchema.extend({ clientId: idField });
export const ZMarkHouseholdReviewedSchema = ZReviewInputSchema.extend({ householdId: idField });

/** The settings form: whole percent 1–100, an amount in the base currency (dot or comma, at most 2 decimals) up to a billion. */
export const ZReviewThresholdsSchema = z.object({
  positionChangePercent: z.coerce.number({ error: "invalidPercent" }).int("invalidPercent").min(1, "invalidPercent").max(100, "invalidPercent"),
  largeMovement: z
    .string({ error: "required" })
    .trim()
    .transform((text) => text.replace(",", "."))
    .pipe(z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, "invalidAmount")),
});
export type TReviewThresholdsInput = z.infer<typeof ZReviewThresholdsSchema>;
