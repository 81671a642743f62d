import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_GENESIS_HASH, computeAuditHash } from "@/lib/audit/audit-hash";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";
import { describeVerdict, verifyAuditChain } from "./verify-audit-chain";

type TSqlite = { prepare(sql: string): { run(...params: unknown[]): unknown }; exec(sql: string): void; close(): void };
const Database = createRequire(import.meta.url)("better-sqlite3") as new (path: string) => TSqlite;

let database: TTestDatabase;
const copies = mkdtempSync(join(tmpdir(), "patrimonio-audit-"));

/** A chain built exactly as recordAuditEvent builds it (same hash input, same chaining). */
async function appendEvents(count: number): Promise<void> {
  let prevHash = AUDIT_GENESIS_HASH;
  const rows = [];
  for (let n = 0; n < count; n++) {
    const row = { prevHash, at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)), actorId: "u1", actorEmail: "admin@example.com", action: n % 2 ? "client.update" : "client.create", targetType: "client", targetId: `c${n}`, requestId: null, details: JSON.stringify({ n }) };
    const hash = computeAuditHash(row);
    rows.push({ ...row, hash });
    prevHash = hash;
  }
  await database.db.auditEvent.createMany({ data: rows });
}

function fileOf(url: string): string {
  return url.replace(/^file:/, "");
}

/** A copy of the database whose append-only triggers are dropped, then `tamper` is run on it. */
function tamperedCopy(name: string, tamper: string): string {
  const file = join(copies, `${name}.db`);
  copyFileSync(fileOf(database.url), file);
  const sqlite = new Database(file);
  sqlite.exec('DROP TRIGGER "AuditEvent_no_update"; DROP TRIGGER "AuditEvent_no_delete";');
  sqlite.exec(tamper);
  sqlite.close();
  return file;
}

async function verifyFile(file: string) {
  const db = createPrismaClient(`file:${file}`);
  try {
    return await verifyAuditChain(db);
  } finally {
    await db.$disconnect();
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  // More than one batch of the verifier (1 000), so the chain is also checked across batches.
  await appendEvents(1_205);
}, 60_000);

afterAll(async () => {
  await database?.close();
  rmSync(copies, { recursive: true, force: true });
});

describe("the audit log is append-only in the database itself", () => {
  it("rejects UPDATE and DELETE, through Prisma and in plain SQL", async () => {
    await expect(database.db.auditEvent.update({ where: { id: 3 }, data: { action: "nothing.happened" } })).rejects.toThrow(/append-only/);
    await expect(database.db.auditEvent.delete({ where: { id: 3 } })).rejects.toThrow(/append-only/);
    await expect(database.db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(database.db.$executeRawUnsafe('UPDATE "AuditEvent" SET "details" = \'{}\' WHERE "id" = 4')).rejects.toThrow(/append-only/);
    await expect(database.db.$executeRawUnsafe('DELETE FROM "AuditEvent" WHERE "id" = 4')).rejects.toThrow(/append-only/);
    expect(await database.db.auditEvent.count()).toBe(1_205);
    expect((await database.db.auditEvent.findUnique({ where: { id: 3 } }))?.action).toBe("client.create");
  });
});

describe("npm run audit:verify", () => {
  it("reports an intact chain as OK, across batches", async () => {
    const verdict = await verifyAuditChain(database.db);
    expect(verdict).toMatchObject({ ok: true, count: 1_205 });
    expect(describeVerdict(verdict)).toMatch(/^Audit chain OK: 1205 events, last hash [0-9a-f]{64}\.$/);
  });

  it("names the first edited event in a tampered copy", async () => {
    const verdict = await verifyFile(tamperedCopy("edited", `UPDATE "AuditEvent" SET "details" = '{"n":"forged"}' WHERE "id" = 1100`));
    expect(verdict).toMatchObject({ ok: false, brokenId: 1100, count: 1099 });
  });

  it("names the event after a deleted one", async () => {
    const verdict = await verifyFile(tamperedCopy("deleted", `DELETE FROM "AuditEvent" WHERE "id" = 7`));
    expect(verdict).toMatchObject({ ok: false, brokenId: 8 });
  });

  it("catches a rewritten row whose own hash was recomputed (its successor's link breaks)", async () => {
    const row = await database.db.auditEvent.findUniqueOrThrow({ where: { id: 20 } });
    const forged = { ...row, actorEmail: "someone-else@example.com" };
    const file = tamperedCopy("rehashed", `UPDATE "AuditEvent" SET "actorEmail" = 'someone-else@example.com', "hash" = '${computeAuditHash(forged)}' WHERE "id" = 20`);
    expect(await verifyFile(file)).toMatchObject({ ok: false, brokenId: 21 });
  });

  it("is a command: exit 0 and OK, or exit 1 naming the broken event", { timeout: 60_000 }, async () => {
    const run = promisify(execFile);
    const ok = await run(process.execPath, ["--import", "tsx", "scripts/verify-audit-chain.ts", "--database-url", database.url]);
    expect(ok.stdout).toContain("Audit chain OK: 1205 events");
    const broken = tamperedCopy("cli", `UPDATE "AuditEvent" SET "action" = 'client.archive' WHERE "id" = 5`);
    const failure = await run(process.execPath, ["--import", "tsx", "scripts/verify-audit-chain.ts", "--database-url", `file:${broken}`]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("Audit chain BROKEN at event #5 (client.archive");
  });
});
