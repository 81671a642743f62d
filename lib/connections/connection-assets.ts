import "server-only";
import { getDb } from "@/lib/db";
import { money, type TMoney } from "@/lib/money/money";

/**
 * The stored assets (cash accounts + positions) of each connection, per currency: what an advisor
 * stops seeing updated while that connection needs action. Two grouped sums, whatever the count.
 */
export async function readConnectionAssets(connectionIds: readonly string[]): Promise<Map<string, TMoney[]>> {
  const out = new Map<string, TMoney[]>();
  if (connectionIds.length === 0) return out;
  const db = getDb();
  const where = { connectionId: { in: [...connectionIds] } };
  const [accounts, investments] = await Promise.all([
    db.wealthAccount.groupBy({ by: ["connectionId", "currency"], where, _sum: { balanceMinor: true } }),
    db.wealthInvestment.groupBy({ by: ["connectionId", "currency"], where, _sum: { balanceMinor: true } }),
  ]);
  for (const row of [...accounts, ...investments]) {
    const list = out.get(row.connectionId) ?? [];
    list.push(money(row._sum.balanceMinor ?? 0n, row.currency));
    out.set(row.connectionId, list);
  }
  return out;
}
