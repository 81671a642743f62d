import "server-only";
import { clientScope, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";
import { money, type TMoney } from "@/lib/money/money";

export type TClientWealthTotal = { currency: string; assets: TMoney; liabilities: TMoney; net: TMoney };

/**
 * Stored wealth per client and currency, for the client list (never summed across currencies):
 * assets = accounts + positions, liabilities = outstanding balances. Clients the actor may not see
 * are left out; exact sums are done by SQLite on integer minor units.
 */
export async function listClientWealthTotals(actor: TActor, clientIds: readonly string[]): Promise<Map<string, TClientWealthTotal[]>> {
  const db = getDb();
  const allowed = (await db.client.findMany({ where: { id: { in: [...clientIds] }, ...clientScope(actor) }, select: { id: true } })).map((c) => c.id);
  const where = { clientId: { in: allowed } };
  const [accounts, investments, liabilities] = await Promise.all([
    db.wealthAccount.groupBy({ by: ["clientId", "currency"], where, _sum: { balanceMinor: true } }),
    db.wealthInvestment.groupBy({ by: ["clientId", "currency"], where, _sum: { balanceMinor: true } }),
    db.wealthLiability.groupBy({ by: ["clientId", "currency"], where, _sum: { balanceMinor: true } }),
  ]);
  const totals = new Map<string, Map<string, { assets: bigint; liabilities: bigint }>>();
  const add = (clientId: string, currency: string, field: "assets" | "liabilities", minor: bigint | null) => {
    const byCurrency = totals.get(clientId) ?? new Map<string, { assets: bigint; liabilities: bigint }>();
    const entry = byCurrency.get(currency) ?? { assets: 0n, liabilities: 0n };
    entry[field] += BigInt(minor ?? 0n);
    byCurrency.set(currency, entry);
    totals.set(clientId, byCurrency);
  };
  for (const row of accounts) add(row.clientId, row.currency, "assets", row._sum.balanceMinor);
  for (const row of investments) add(row.clientId, row.currency, "assets", row._sum.balanceMinor);
  for (const row of liabilities) add(row.clientId, row.currency, "liabilities", row._sum.balanceMinor);
  return new Map(
    [...totals].map(([clientId, byCurrency]) => [
      clientId,
      [...byCurrency]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, t]) => ({ currency, assets: money(t.assets, currency), liabilities: money(t.liabilities, currency), net: money(t.assets - t.liabilities, currency) })),
    ]),
  );
}
