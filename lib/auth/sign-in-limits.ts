import type { TAppEnv } from "@/lib/config/parse-env";
import { addressBucketOf } from "@/lib/security/client-address";
import type { TRateLimitPolicy } from "@/lib/security/rate-limit";

/** Sign-in limits: the account's guesses with backoff, and each address's Argon2 work. */
export const SIGN_IN_ACCOUNT_FAILURES_BEFORE_BACKOFF = 5;

export const SIGN_IN_ACCOUNT_POLICY: TRateLimitPolicy = {
  limit: SIGN_IN_ACCOUNT_FAILURES_BEFORE_BACKOFF,
  windowMs: 24 * 60 * 60 * 1000,
  backoff: { baseMs: 60 * 1000, maxMs: 60 * 60 * 1000 },
};

export function signInAddressPolicy(env: Pick<TAppEnv, "RATE_LIMIT_SIGN_IN_PER_ADDRESS">): TRateLimitPolicy {
  return { limit: env.RATE_LIMIT_SIGN_IN_PER_ADDRESS, windowMs: 15 * 60 * 1000 };
}

export const signInAccountKey = (email: string) => `sign-in:account:${email}`;
export const signInAddressKey = (address: string) => `sign-in:address:${addressBucketOf(address)}`;
