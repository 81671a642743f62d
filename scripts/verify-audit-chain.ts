import { parseArgs } from "node:util";
import { findFirstBrokenAuditRow } from "../lib/audit/audit-hash";
import { parseEnv } from "../lib/config/parse-env";
import { createPrismaClient, type PrismaClient } from "../lib/db/create-prisma-client";

/**
 * `npm run audit:verify [-- --database-url file:./path/app.db]`: walks the audit log in id order and
 * checks that each event's hash covers its content and the previous event's hash. Prints OK with
 * the count and the last hash (keep it somewhere else: a chain cut at its end still verifies, only
 * a remembered last hash shows that), or names the first event that breaks the chain and exits 1.
 */
export type TAuditVerdict = { ok: true; count: number; lastHash: string | null } | { ok: false; count: number; brokenId: number; action: string; at: string };

const BATCH = 1_000;

export async function verifyAuditChain(db: PrismaClient): Promise<TAuditVerdict> {
  let previousHash: string | undefined;
  let afterId = 0;
  let count = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: BATCH });
    if (rows.length === 0) return { ok: true, count, lastHash: previousHash ?? null };
    const brokenId = findFirstBrokenAuditRow(rows, previousHash);
    if (brokenId !== null) {
      const row = rows.find((candidate) => candidate.id === brokenId)!;
      return { ok: false, count: count + rows.indexOf(row), brokenId, action: row.action, at: row.at.toISOString() };
    }
    count += rows.length;
    previousHash = rows.at(-1)!.hash;
    afterId = rows.at(-1)!.id;
  }
}

export function describeVerdict(verdict: TAuditVerdict): string {
  if (verdict.ok) return `Audit chain OK: ${verdict.count} events${verdict.lastHash ? `, last hash ${verdict.lastHash}` : ""}.`;
  return `Audit chain BROKEN at event #${verdict.brokenId} (${verdict.action}, ${verdict.at}): its hash or its link to the previous event does not match. ${verdict.count} events before it verify; from #${verdict.brokenId} on the log cannot be trusted.`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "database-url": { type: "string" } } });
  // Only the database location is needed: no secrets are read or generated.
  const unused = "unused-".padEnd(44, "x");
  const env = parseEnv({ ...process.env, ...(values["database-url"] ? { DATABASE_URL: values["database-url"] } : {}) }, { NEXTAUTH_SECRET: unused, ENCRYPTION_KEY: unused, SANDBOX_CLIENT_SECRET: unused });
  const db = createPrismaClient(env.databaseUrl);
  try {
    const verdict = await verifyAuditChain(db);
    (verdict.ok ? console.log : console.error)(describeVerdict(verdict));
    return verdict.ok ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Could not read the audit log: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
