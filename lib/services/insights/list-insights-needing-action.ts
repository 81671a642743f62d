import "server-only";
import { clientScope, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import type { TInsight } from "@/lib/insights/types";
import { insightsOfClients } from "./insights-of-clients";

export type TClientInsights = { clientId: string; clientName: string; insights: TInsight[] };

/**
 * Every client of the actor's book (an admin: the firm's, or one advisor's) with the insights that
 * need action, for the book and the inbox. Archived clients are left out, as in the book.
 */
export async function listInsightsNeedingAction(actor: TActor, options: { advisorId?: string | null } = {}): Promise<TClientInsights[]> {
  const scope = actor.role === "ADMIN" && options.advisorId ? { advisorId: options.advisorId } : clientScope(actor);
  const clients = await getDb().client.findMany({
    where: { ...scope, archived: false },
    select: { id: true, displayName: true },
    orderBy: { displayName: "asc" },
  });
  if (clients.length === 0) return [];
  const byClient = await insightsOfClients(actor, clients);
  return clients
    .map((client) => ({
      clientId: client.id,
      clientName: client.displayName,
      insights: (byClient.get(client.id) ?? []).filter((insight) => insight.needsAction),
    }))
    .filter((entry) => entry.insights.length > 0);
}
