import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { isDemoEmail } from "@/lib/demo/is-demo-email";
import { getEnv } from "@/lib/env";
import { clearAttempts, refundAttempt, reserveAttempt, type TReservation } from "@/lib/security/rate-limit";
import { SIGN_IN_ACCOUNT_POLICY, signInAccountKey, signInAddressKey, signInAddressPolicy } from "./sign-in-limits";

const ZCredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export type TSignInResult = { ok: true; userId: string; sessionId: string } | { ok: false; reason: "invalid" | "throttled" };

async function refuse(reservation: Extract<TReservation, { ok: false }>, details: Record<string, unknown>): Promise<TSignInResult> {
  if (reservation.isFirstRefusal)
    await recordAuditEvent({
      actor: null,
      action: "auth.sign_in_throttled",
      details: { ...details, retryAfterSeconds: Math.ceil(reservation.retryAfterMs / 1000) },
    });
  return { ok: false, reason: "throttled" };
}

/**
 * Same answer for an unknown email and a wrong password. Each attempt is reserved in the database
 * (every app process shares the counts) before the Argon2 hash runs: per address (the TCP peer, or
 * the configured proxy hop's view of it) and per account, with backoff. A refused attempt costs no
 * hash. Demo accounts (published passwords) sign in only in sandbox mode.
 */
export async function signInWithPassword(input: unknown, address: string): Promise<TSignInResult> {
  const parsed = ZCredentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const db = getDb();
  const env = getEnv();
  const addressKey = signInAddressKey(address);
  const accountKey = signInAccountKey(email);

  const byAddress = await reserveAttempt(db, addressKey, signInAddressPolicy(env));
  if (!byAddress.ok) return refuse(byAddress, { address, limit: "address" });
  const byAccount = await reserveAttempt(db, accountKey, SIGN_IN_ACCOUNT_POLICY);
  if (!byAccount.ok) {
    // No hash ran: the address keeps its budget, the account alone is waiting out its backoff.
    await refundAttempt(db, addressKey);
    return refuse(byAccount, { email, address, limit: "account" });
  }

  if (!env.isSandboxMode && isDemoEmail(email)) {
    await recordAuditEvent({ actor: null, action: "auth.sign_in_failed", details: { email, address, reason: "demo_account_outside_sandbox" } });
    return { ok: false, reason: "invalid" };
  }

  const user = await db.user.findUnique({ where: { email } });
  const isPasswordValid = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  if (!user || !isPasswordValid || user.disabled) {
    // Both reservations stay counted: they were failures.
    await recordAuditEvent({
      actor: null,
      action: "auth.sign_in_failed",
      target: user ? { type: "user", id: user.id } : undefined,
      details: { email, address, reason: user?.disabled ? "disabled" : "invalid" },
    });
    return { ok: false, reason: "invalid" };
  }

  const session = await db.$transaction(async (tx) => {
    await clearAttempts(tx, accountKey);
    await refundAttempt(tx, addressKey);
    const created = await tx.session.create({ data: { userId: user.id, sessionVersion: user.sessionVersion } });
    await recordAuditEvent(
      { actor: { id: user.id, email: user.email }, action: "auth.sign_in", target: { type: "user", id: user.id }, details: { address } },
      tx,
    );
    return created;
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}
