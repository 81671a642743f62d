import "server-only";
import { assertAdmin, type TActor } from "@/lib/auth/authorization";
import { getDb } from "@/lib/db";

export type TSetAsideRecordRow = {
  id: string;
  clientName: string;
  bank: string;
  product: string;
  recordId: string | null;
  position: number;
  issues: { path: string; message: string }[];
  /** The redacted copy (lib/flanks/read-records.ts): shapes and ids, no personal text. */
  recordJson: string;
  createdAt: Date;
};

const LIMIT = 200;

/** The records Flanks sent that the latest syncs could not read, newest first (admins only). */
export async function listSetAsideRecords(actor: TActor): Promise<TSetAsideRecordRow[]> {
  assertAdmin(actor);
  const rows = await getDb().wealthSetAsideRecord.findMany({
    orderBy: [{ createdAt: "desc" }, { position: "asc" }],
    take: LIMIT,
    include: { connection: { select: { bank: true, bankName: true, client: { select: { displayName: true } } } } },
  });
  return rows.map((row) => ({
    id: row.id,
    clientName: row.connection.client.displayName,
    bank: row.connection.bankName ?? row.connection.bank,
    product: row.product,
    recordId: row.recordId,
    position: row.position,
    issues: parseIssues(row.issuesJson),
    recordJson: row.recordJson,
    createdAt: row.createdAt,
  }));
}

function parseIssues(json: string): { path: string; message: string }[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value)
      ? value.filter((item): item is { path: string; message: string } => typeof item?.path === "string" && typeof item?.message === "string")
      : [];
  } catch {
    return [];
  }
}
