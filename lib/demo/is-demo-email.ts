import { DEMO_ACCOUNTS } from "./demo-accounts";

/** The demo accounts' addresses and any other on their domain: published passwords, sandbox mode only. */
export const DEMO_EMAIL_DOMAIN = "@patrimonio.demo";

export function isDemoEmail(email: string): boolean {
  const normalized = email.trim().toLowerCase();
  return normalized.endsWith(DEMO_EMAIL_DOMAIN) || DEMO_ACCOUNTS.some((account) => account.email === normalized);
}
