import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { emailField, idField, optionalText, requiredText } from "@/lib/validation/fields";

export const ZClientInputSchema = z.object({
  displayName: requiredText(120),
  contactEmail: emailField,
  externalRef: optionalText(64),
  /** The language of what the client receives (the report); "" (the form's "not set") or absent: none, the advisor's is used. */
  language: z
    .union([z.enum(LOCALES), z.literal("")], { error: "invalidLanguage" })
    .optional()
    .transform((value) => (value ? value : null)),
});
export type TClientInput = z.infer<typeof ZClientInputSchema>;

/** `wealth`: net wealth in the actor's base currency, largest first (clients without data last). */
export const CLIENT_SORTS = ["name", "created", "updated", "wealth"] as const;
export type TClientSort = (typeof CLIENT_SORTS)[number];

/** Query-string parameters of the client list; anything unexpected falls back to the default. */
export const ZClientListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(CLIENT_SORTS).optional().catch(undefined),
  archived: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type TClientListQuery = z.infer<typeof ZClientListQuerySchema>;

/** The JSON API is strict where the pages are forgiving: a value it does not understand is a 400 naming the parameter. */
export const ZClientListApiQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  sort: z.enum(CLIENT_SORTS).optional(),
  archived: z.enum(["1"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const ZClientIdSchema = z.object({ clientId: idField });
