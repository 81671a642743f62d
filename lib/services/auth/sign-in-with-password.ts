import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";

export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

const ZCredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export type TSignInResult = { ok: true; userId: string; sessionId: string } | { ok: false; reason: "invalid" | "throttled" };

/**
 * Same answer for an unknown email and a wrong password; failures are throttled per
 * (email, address) and counted in the database so every app process sees them.
 */
export async function signInWithPassword(input: unknown, address: string): Promise<TSignInResult> {
  const parsed = ZCredentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const db = getDb();
  const key = `${email}|${address}`;

  const recentFailures = await db.signInFailure.count({ where: { key, createdAt: { gt: new Date(Date.now() - SIGN_IN_WINDOW_MS) } } });
  if (recentFailures >= SIGN_IN_MAX_FAILURES) {
    await recordAuditEvent({ actor: null, action: "auth.sign_in_throttled", details: { email, address } });
    return { ok: false, reason: "throttled" };
  }

  const user = await db.user.findUnique({ where: { email } });
  const isPasswordValid = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  if (!user || !isPasswordValid || user.disabled) {
    await db.signInFailure.create({ data: { key } });
    await recordAuditEvent({
      actor: null,
      action: "auth.sign_in_failed",
      target: user ? { type: "user", id: user.id } : undefined,
      details: { email, address, reason: user?.disabled ? "disabled" : "invalid" },
    });
    return { ok: false, reason: "invalid" };
  }

  const session = await db.$transaction(async (tx) => {
    await tx.signInFailure.deleteMany({ where: { key } });
    const created = await tx.session.create({ data: { userId: user.id, sessionVersion: user.sessionVersion } });
    await recordAuditEvent({ actor: { id: user.id, email: user.email }, action: "auth.sign_in", target: { type: "user", id: user.id }, details: { address } }, tx);
    return created;
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}
