import { interpolate, type TMessages } from "@/lib/i18n/messages";

/** Turns an error key from a form state ("tooLong:120", "emailTaken") into the user's language. */
export function translateError(t: TMessages, key: string): string {
  const [name = "", argument] = key.split(":");
  const errors = t.errors as Record<string, string>;
  const common = t.common as Record<string, string>;
  const admin = t.admin as Record<string, string>;
  const template = errors[name] ?? common[name] ?? admin[name];
  if (!template) return t.errors.generic;
  return interpolate(template, { max: argument ?? "" });
}
