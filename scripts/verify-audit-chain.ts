import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readAuditAnchor, type TAuditAnchor } from "../lib/audit/audit-anchor";
import { AUDIT_CHAIN_START, checkAuditRows, type TAuditChainCursor } from "../lib/audit/audit-hash";
import { parseEnv } from "../lib/config/parse-env";
import { createPrismaClient, type PrismaClient } from "../lib/db/create-prisma-client";

/**
 * `npm run audit:verify [-- --database-url file:./path/app.db] [--anchor path/audit-anchor.json]`:
 * walks the audit log in id order and checks that each event's HMAC (AUDIT_KEY) covers its content
 * and the previous event's hash, then that the anchor written out by the app (AUDIT_ANCHOR_FILE)
 * names an event still in the log with that hash. Prints OK, or names the problem and exits 1:
 * an edited or removed event (the first one that breaks), a log with no keyed event (rewritten
 * with plain SHA-256, or cut back to the events from before the chain was keyed), a cut tail or a
 * rewritten anchored event. Exit 2: the log or the key could not be read.
 */
export type TAuditVerdict =
  | { ok: true; count: number; lastId: number | null; lastHash: string | null; unkeyedCount: number; keyedFromId: number | null; anchor: TAuditAnchor | null }
  | { ok: false; problem: "broken"; count: number; brokenId: number; action: string; at: string }
  | { ok: false; problem: "unkeyed"; count: number }
  | { ok: false; problem: "cut"; count: number; lastId: number | null; anchor: TAuditAnchor }
  | { ok: false; problem: "anchor-rewritten"; count: number; anchor: TAuditAnchor };

const BATCH = 1_000;

export async function verifyAuditChain(
  db: PrismaClient,
  { auditKey, anchor = null }: { auditKey: string; anchor?: TAuditAnchor | null },
): Promise<TAuditVerdict> {
  let cursor: TAuditChainCursor = AUDIT_CHAIN_START;
  let afterId = 0;
  let lastHash: string | null = null;
  let count = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: BATCH });
    if (rows.length === 0) break;
    const checked = checkAuditRows(rows, auditKey, cursor);
    if ("brokenId" in checked) {
      const row = rows.find((candidate) => candidate.id === checked.brokenId)!;
      return { ok: false, problem: "broken", count: count + rows.indexOf(row), brokenId: row.id, action: row.action, at: row.at.toISOString() };
    }
    const anchored = anchor ? rows.find((row) => row.id === anchor.lastId) : undefined;
    if (anchor && anchored && anchored.hash !== anchor.lastHash) return { ok: false, problem: "anchor-rewritten", count, anchor };
    cursor = checked.cursor;
    count += rows.length;
    afterId = rows.at(-1)!.id;
    lastHash = rows.at(-1)!.hash;
  }
  // Only keyed events prove anything: a log of unkeyed events alone is what anyone could have written.
  if (count > 0 && cursor.keyedFromId === null) return { ok: false, problem: "unkeyed", count };
  const lastId = lastHash === null ? null : afterId;
  if (anchor && afterId < anchor.lastId) return { ok: false, problem: "cut", count, lastId, anchor };
  return { ok: true, count, lastId, lastHash, unkeyedCount: cursor.unkeyedCount, keyedFromId: cursor.keyedFromId, anchor };
}

export function describeVerdict(verdict: TAuditVerdict, anchorFile = "the anchor file"): string {
  if (verdict.ok) {
    const legacy =
      verdict.unkeyedCount > 0 ? ` (the first ${verdict.unkeyedCount} from before the chain was keyed, sealed by event #${verdict.keyedFromId})` : "";
    const anchor = verdict.anchor
      ? ` The anchor written at ${verdict.anchor.writtenAt} (event #${verdict.anchor.lastId}) matches.`
      : ` No anchor at ${anchorFile}: a cut of the log's last events could not be detected.`;
    return `Audit chain OK: ${verdict.count} events${legacy}${verdict.lastHash ? `, last hash ${verdict.lastHash}` : ""}.${anchor}`;
  }
  switch (verdict.problem) {
    case "broken":
      return `Audit chain BROKEN at event #${verdict.brokenId} (${verdict.action}, ${verdict.at}): its hash or its link to the previous event does not match. ${verdict.count} events before it verify; from #${verdict.brokenId} on the log cannot be trusted.`;
    case "unkeyed":
      return `Audit chain BROKEN: none of its ${verdict.count} events is keyed with AUDIT_KEY. It was rewritten without the key, or cut back to the events from before the chain was keyed, or AUDIT_KEY is not the app's — or the log predates the keyed chain and the app has not written an event since (its next event seals the older ones).`;
    case "cut":
      return `Audit chain CUT: the log ends at ${verdict.lastId === null ? "no event" : `event #${verdict.lastId}`}, but the anchor written at ${verdict.anchor.writtenAt} names event #${verdict.anchor.lastId}: events at the end were removed.`;
    case "anchor-rewritten":
      return `Audit chain REWRITTEN: event #${verdict.anchor.lastId} no longer has the hash anchored at ${verdict.anchor.writtenAt}.`;
  }
}

/** AUDIT_KEY from the environment, else the one the app generated (DATA_DIR/secrets.json), read only. */
function generatedAuditKey(dataDir: string): string {
  const file = path.resolve(dataDir, "secrets.json");
  if (!existsSync(file)) return "";
  const stored = JSON.parse(readFileSync(file, "utf8")) as { AUDIT_KEY?: unknown };
  return typeof stored.AUDIT_KEY === "string" ? stored.AUDIT_KEY : "";
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "database-url": { type: "string" }, anchor: { type: "string" } } });
  // Only the database, the audit key and the anchor are needed: no other secret is read, none is generated.
  const unused = "unused-".padEnd(44, "x");
  const source: Record<string, string | undefined> = { ...process.env, ...(values["database-url"] ? { DATABASE_URL: values["database-url"] } : {}) };
  const env = parseEnv(source, {
    NEXTAUTH_SECRET: unused,
    ENCRYPTION_KEY: unused,
    SANDBOX_CLIENT_SECRET: unused,
    AUDIT_KEY: generatedAuditKey(source.DATA_DIR?.trim() || "data"),
  });
  if (!env.auditKey) throw new Error("no AUDIT_KEY: set it, or run where DATA_DIR/secrets.json holds the app's");
  const anchorFile = values.anchor ?? env.auditAnchorFile;
  const db = createPrismaClient(env.databaseUrl);
  try {
    const verdict = await verifyAuditChain(db, { auditKey: env.auditKey, anchor: readAuditAnchor(anchorFile) });
    (verdict.ok ? console.log : console.error)(describeVerdict(verdict, anchorFile));
    return verdict.ok ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Could not verify the audit log: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
