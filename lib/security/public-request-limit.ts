import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getClientAddress } from "@/lib/request/request-id";
import { addressBucketOf } from "./client-address";
import { reserveAttempt } from "./rate-limit";

export type TPublicRequestVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * The end users' entry points (an invitation, its consent, the Flanks Link's callback) need no
 * account, so nothing but the caller's address bounds how often they are tried: each request is
 * counted per address (RATE_LIMIT_PUBLIC_PER_ADDRESS a minute, shared by every server process).
 */
export async function checkPublicRequestLimit(): Promise<TPublicRequestVerdict> {
  const address = await getClientAddress();
  const reservation = await reserveAttempt(getDb(), `public:${addressBucketOf(address)}`, { limit: getEnv().RATE_LIMIT_PUBLIC_PER_ADDRESS, windowMs: 60_000 });
  if (reservation.ok) return { ok: true };
  if (reservation.isFirstRefusal) await recordAuditEvent({ actor: null, action: "public.rate_limited", details: { address } });
  return { ok: false, retryAfterSeconds: Math.ceil(reservation.retryAfterMs / 1000) };
}
