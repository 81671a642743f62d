import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { idField } from "@/lib/validation/fields";

export type TConnectResultView = { bank: string; advisorName: string; firmName: string; isVerifying: boolean; purpose: string };

/** What the end user's result page may show about a finished exchange: the bank and who will see it. */
export async function getConnectResult(exchangeId: unknown): Promise<TConnectResultView | null> {
  const id = idField.safeParse(exchangeId);
  if (!id.success) return null;
  const exchange = await getDb().linkCodeExchange.findUnique({
    where: { id: id.data },
    select: {
      status: true,
      createdAt: true,
      connection: { select: { bank: true, bankName: true, client: { select: { advisor: { select: { name: true } } } } } },
      invitationId: true,
    },
  });
  if (!exchange?.connection || !["EXCHANGED", "DELAYED"].includes(exchange.status)) return null;
  // Shown right after the redirect; an old id reveals nothing.
  if (Date.now() - exchange.createdAt.getTime() > 24 * 60 * 60 * 1000) return null;
  const invitation = exchange.invitationId ? await getDb().invitation.findUnique({ where: { id: exchange.invitationId }, select: { purpose: true } }) : null;
  return {
    bank: exchange.connection.bankName ?? exchange.connection.bank,
    advisorName: exchange.connection.client.advisor.name,
    firmName: getEnv().FIRM_NAME,
    isVerifying: exchange.status === "DELAYED",
    purpose: invitation?.purpose ?? "CONNECT",
  };
}
