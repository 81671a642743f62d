import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db";

export async function endSession(sessionId: string): Promise<void> {
  const db = getDb();
  const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: { select: { id: true, email: true } } } });
  if (!session || session.endedAt) return;
  await db.$transaction(async (tx) => {
    await tx.session.update({ where: { id: sessionId }, data: { endedAt: new Date() } });
    await recordAuditEvent({ actor: session.user, action: "auth.sign_out", target: { type: "user", id: session.user.id } }, tx);
  });
}
