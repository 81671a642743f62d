import { z } from "zod";

/*
 * Field schemas whose messages are keys of the `errors` dictionary ("tooLong:120" carries its
 * limit), so the form shows them in the user's language.
 */
export const requiredText = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(max, `tooLong:${max}`)
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "required");

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `tooLong:${max}`)
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "invalidText")
    .optional()
    .transform((value) => (value ? value : null));

export const emailField = z.string({ error: "required" }).trim().toLowerCase().min(1, "required").max(254, "tooLong:254").email("email");

export const idField = z.string().regex(/^[a-z0-9]{20,40}$/i, "Not a valid id");
