import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { emailField, requiredText } from "@/lib/validation/fields";

export const ZPasswordFieldSchema = z.string({ error: "required" }).min(MIN_PASSWORD_LENGTH, "passwordTooShort").max(200, "tooLong:200");

export const ZUserInputSchema = z.object({
  name: requiredText(80),
  email: emailField,
  role: z.enum(["ADVISOR", "ADMIN"], { error: "required" }),
  password: ZPasswordFieldSchema,
});
export type TUserInput = z.infer<typeof ZUserInputSchema>;
