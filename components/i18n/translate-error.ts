import type { TCoreMessages } from "@/lib/i18n/client-messages";
import { interpolate, type TMessages } from "@/lib/i18n/messages";
import { useContextValue } from "./i18n-provider";

type TErrorMessages = TCoreMessages & Partial<Pick<TMessages, "admin">>;

/** Turns an error key from a form state ("tooLong:120", "emailTaken") into the user's language. */
export function translateError(t: TErrorMessages, key: string): string {
  const [name = "", argument] = key.split(":");
  const errors = t.errors as Record<string, string>;
  const common = t.common as Record<string, string>;
  // Admin pages add their namespace (its success notices are form-state keys too).
  const admin = (t.admin ?? {}) as Record<string, string>;
  const template = errors[name] ?? common[name] ?? admin[name];
  if (!template) return t.errors.generic;
  return interpolate(template, { max: argument ?? "" });
}

export function useTranslateError(): (key: string) => string {
  const { t } = useContextValue();
  return (key) => translateError(t as TErrorMessages, key);
}
