import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;
export const ZPasswordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(200);

// Algorithm 2 is Argon2id; the parameters are OWASP's recommended minimum (19 MiB, 2 passes).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the email is unknown makes both failures take the same time. */
export const DUMMY_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0bP2mQ5T0a8a3o2m0Y2S8b1dJgq5dG8m6m2mJ4mH3uQ";
