import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { getEnv } from "@/lib/env";
import { logError } from "@/lib/log/log-error";
import { exchangeLinkCode } from "@/lib/connections/exchange-link-code";
import { LINK_EXTRA_REFERENCE } from "@/lib/invitations/invitation-rules";
import { INVITATION_TTL_MS, newInvitationReference, newInvitationToken } from "@/lib/invitations/invitation-rules";
import { withLease } from "@/lib/db/with-lease";

/**
 * The demo's connected clients, made in sandbox mode through the same path a real client takes
 * (an invitation, a link code from the sandbox's Link, the exchange, then polling and sync), so
 * the demo shows every state: healthy banks, one needing SCA, one blocked, one with failed products.
 */
export const DEMO_CONNECTIONS = [
  { client: "Carmen Ruiz Ortega", bank: "testbank", username: "carmen", password: "healthy" },
  { client: "Carmen Ruiz Ortega", bank: "banco-meseta", username: "carmen", password: "demo-password" },
  { client: "Javier Morales Gil", bank: "testbank", username: "javier", password: "needs-sca" },
  { client: "Familia Navarro Blanco", bank: "testbank", username: "navarro", password: "blocked" },
  { client: "Sofía Herrera Prieto", bank: "testbank", username: "sofia", password: "partial" },
] as const;

const ZCodeSchema = z.object({ code: z.string().min(1) });

export async function ensureDemoConnections(): Promise<void> {
  const env = getEnv();
  if (!env.isSandboxMode) return;
  await withLease("jobs:demo-connections", 5 * 60_000, async () => {
    const db = getDb();
    const advisor = await db.user.findUnique({ where: { email: DEMO_ACCOUNTS[1].email }, select: { id: true } });
    // Only on a fresh demo database: once anything was connected, the demo is the user's to change.
    if (!advisor || (await db.invitation.count()) > 0) return;
    for (const demo of DEMO_CONNECTIONS) {
      const client = await db.client.findFirst({ where: { advisorId: advisor.id, displayName: demo.client }, select: { id: true } });
      if (!client) continue;
      const reference = newInvitationReference();
      await db.invitation.create({
        data: {
          clientId: client.id,
          purpose: "CONNECT",
          tokenHash: newInvitationToken().tokenHash,
          reference,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
          createdById: advisor.id,
        },
      });
      try {
        const response = await fetch(`${env.flanksApiUrl}/_control/credentials`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            bank: demo.bank,
            username: demo.username,
            password: demo.password,
            extra: { [LINK_EXTRA_REFERENCE]: reference },
            external_id: client.id,
          }),
        });
        const { code } = ZCodeSchema.parse(await response.json());
        await exchangeLinkCode({ code, reference, source: "reconcile" });
      } catch (error) {
        logError(`demo connection ${demo.bank}/${demo.username}`, error);
      }
    }
  });
}
