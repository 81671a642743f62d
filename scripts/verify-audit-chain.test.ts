import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readAuditAnchor, writeAuditAnchor } from "@/lib/audit/audit-anchor";
import { AUDIT_GENESIS_HASH, computeAuditHash, computeUnkeyedAuditHash } from "@/lib/audit/audit-hash";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";
import { describeVerdict, verifyAuditChain } from "./verify-audit-chain";

const AUDIT_KEY = "test-audit-key-4f9c2a7e1b3d5f6a8c0e2b4d6f8a0c2e";
const current: { db?: PrismaClient } = {};
vi.mock("@/lib/db", () => ({ getDb: () => current.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ auditKey: AUDIT_KEY }) }));
vi.mock("@/lib/request/request-id", () => ({ getRequestId: async () => null }));
const { recordAuditEvent } = await import("@/lib/audit/record-audit-event");

type TSqlite = { prepare(sql: string): { run(...params: unknown[]): unknown }; exec(sql: string): void; close(): void };
const Database = createRequire(import.meta.url)("better-sqlite3") as new (path: string) => TSqlite;

let database: TTestDatabase;
const copies = mkdtempSync(join(tmpdir(), "patrimonio-audit-"));

type TEventRow = {
  prevHash: string;
  at: Date;
  actorId: string;
  actorEmail: string;
  action: string;
  targetType: string;
  targetId: string;
  requestId: null;
  details: string;
  hash: string;
};

/**
 * A chain built as recordAuditEvent builds it: keyed with `key`, or `unkeyed` (plain SHA-256, as before the
 * chain was keyed, or as a forger without the key).
 */
function buildChain(count: number, hashOf: (row: Omit<TEventRow, "hash">) => string): TEventRow[] {
  let prevHash = AUDIT_GENESIS_HASH;
  const rows: TEventRow[] = [];
  for (let n = 0; n < count; n++) {
    const row = {
      prevHash,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
      actorId: "u1",
      actorEmail: "admin@example.com",
      action: n % 2 ? "client.update" : "client.create",
      targetType: "client",
      targetId: `c${n}`,
      requestId: null,
      details: JSON.stringify({ n }),
    };
    const hash = hashOf(row);
    rows.push({ ...row, hash });
    prevHash = hash;
  }
  return rows;
}
const keyed = (row: Omit<TEventRow, "hash">) => computeAuditHash(row, AUDIT_KEY);

function fileOf(url: string): string {
  return url.replace(/^file:/, "");
}

/** A copy of the database whose append-only triggers are dropped, then `tamper` is run on it (SQL, or a function given the connection). */
function tamperedCopy(name: string, tamper: string | ((sqlite: TSqlite) => void)): string {
  const file = join(copies, `${name}.db`);
  copyFileSync(fileOf(database.url), file);
  const sqlite = new Database(file);
  sqlite.exec('DROP TRIGGER "AuditEvent_no_update"; DROP TRIGGER "AuditEvent_no_delete";');
  if (typeof tamper === "string") sqlite.exec(tamper);
  else tamper(sqlite);
  sqlite.close();
  return file;
}

async function verifyFile(file: string, anchor: Parameters<typeof verifyAuditChain>[1]["anchor"] = null) {
  const db = createPrismaClient(`file:${file}`);
  try {
    return await verifyAuditChain(db, { auditKey: AUDIT_KEY, anchor });
  } finally {
    await db.$disconnect();
  }
}

let anchorFile = "";

beforeAll(async () => {
  database = await createTestDatabase();
  // More than one batch of the verifier (1 000), so the chain is also checked across batches.
  await database.db.auditEvent.createMany({ data: buildChain(1_205, keyed) });
  anchorFile = join(copies, "anchor.json");
  await writeAuditAnchor(database.db, anchorFile);
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
  it("reports an intact keyed chain as OK, across batches, with its anchor", async () => {
    const anchor = readAuditAnchor(anchorFile);
    expect(anchor).toMatchObject({ lastId: 1_205 });
    const verdict = await verifyAuditChain(database.db, { auditKey: AUDIT_KEY, anchor });
    expect(verdict).toMatchObject({ ok: true, count: 1_205, unkeyedCount: 0, keyedFromId: 1 });
    expect(describeVerdict(verdict)).toMatch(/^Audit chain OK: 1205 events, last hash [0-9a-f]{64}\. The anchor written at .+ \(event #1205\) matches\.$/);
  });

  it("names the first edited event in a tampered copy", async () => {
    const verdict = await verifyFile(tamperedCopy("edited", `UPDATE "AuditEvent" SET "details" = '{"n":"forged"}' WHERE "id" = 1100`));
    expect(verdict).toMatchObject({ ok: false, problem: "broken", brokenId: 1100, count: 1099 });
  });

  it("names the event after a deleted one", async () => {
    const verdict = await verifyFile(tamperedCopy("deleted", `DELETE FROM "AuditEvent" WHERE "id" = 7`));
    expect(verdict).toMatchObject({ ok: false, problem: "broken", brokenId: 8 });
  });

  it("catches an event rewritten with its hash recomputed without the key", async () => {
    const row = await database.db.auditEvent.findUniqueOrThrow({ where: { id: 1_205 } });
    const forged = { ...row, actorEmail: "someone-else@example.com" };
    const file = tamperedCopy(
      "rehashed",
      `UPDATE "AuditEvent" SET "actorEmail" = 'someone-else@example.com', "hash" = '${computeUnkeyedAuditHash(forged)}' WHERE "id" = 1205`,
    );
    expect(await verifyFile(file)).toMatchObject({ ok: false, problem: "broken", brokenId: 1_205 });
  });

  it("catches the whole log rewritten with the unkeyed SHA-256 (every link consistent)", async () => {
    const file = tamperedCopy("rewritten-unkeyed", (sqlite) => {
      sqlite.exec('DELETE FROM "AuditEvent"');
      const insert = sqlite.prepare(
        'INSERT INTO "AuditEvent" ("id", "at", "actorId", "actorEmail", "action", "targetType", "targetId", "requestId", "details", "prevHash", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      buildChain(40, computeUnkeyedAuditHash).forEach((row, n) =>
        insert.run(
          n + 1,
          row.at.toISOString(),
          row.actorId,
          row.actorEmail,
          row.action,
          row.targetType,
          row.targetId,
          null,
          row.details,
          row.prevHash,
          row.hash,
        ),
      );
    });
    const verdict = await verifyFile(file);
    expect(verdict).toMatchObject({ ok: false, problem: "unkeyed", count: 40 });
    expect(describeVerdict(verdict)).toMatch(/none of its 40 events is keyed/);
  });

  it("catches a cut tail against the anchor (and cannot without one)", async () => {
    const file = tamperedCopy("truncated", `DELETE FROM "AuditEvent" WHERE "id" > 1200`);
    expect(await verifyFile(file)).toMatchObject({ ok: true, count: 1_200, anchor: null });
    const verdict = await verifyFile(file, readAuditAnchor(anchorFile));
    expect(verdict).toMatchObject({ ok: false, problem: "cut", lastId: 1_200, anchor: { lastId: 1_205 } });
    expect(describeVerdict(verdict)).toMatch(/^Audit chain CUT: the log ends at event #1200, but the anchor written at .+ names event #1205/);
  });

  it("the anchor job refuses to move the anchor onto a cut log, keeping the evidence", async () => {
    const file = tamperedCopy("cut-then-anchored", `DELETE FROM "AuditEvent" WHERE "id" > 1190`);
    const db = createPrismaClient(`file:${file}`);
    const before = readFileSync(anchorFile, "utf8");
    try {
      await expect(writeAuditAnchor(db, anchorFile)).rejects.toThrow(/no longer holds event #1205/);
    } finally {
      await db.$disconnect();
    }
    expect(readFileSync(anchorFile, "utf8")).toBe(before);
  });

  it("is a command: exit 0 and OK, or exit 1 naming the broken event or the cut", { timeout: 60_000 }, async () => {
    const run = (databaseUrl: string) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/verify-audit-chain.ts", "--database-url", databaseUrl, "--anchor", anchorFile], {
        env: { ...process.env, AUDIT_KEY },
      }).then(
        (result) => ({ code: 0, ...result }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const ok = await run(database.url);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("Audit chain OK: 1205 events");
    const broken = await run(`file:${tamperedCopy("cli", `UPDATE "AuditEvent" SET "action" = 'client.archive' WHERE "id" = 5`)}`);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("Audit chain BROKEN at event #5 (client.archive");
    const cut = await run(`file:${tamperedCopy("cli-cut", `DELETE FROM "AuditEvent" WHERE "id" > 1204`)}`);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain("Audit chain CUT");
  });
});

describe("a log from before the chain was keyed", () => {
  it("is sealed by the app's next event (audit.chain_keyed) and then verifies; until then it is reported unkeyed", async () => {
    const legacy = await createTestDatabase();
    current.db = legacy.db;
    try {
      await legacy.db.auditEvent.createMany({ data: buildChain(30, computeUnkeyedAuditHash) });
      expect(await verifyAuditChain(legacy.db, { auditKey: AUDIT_KEY })).toMatchObject({ ok: false, problem: "unkeyed", count: 30 });

      await recordAuditEvent({ actor: null, action: "client.create", target: { type: "client", id: "c-new" } });
      await recordAuditEvent({ actor: null, action: "client.update", target: { type: "client", id: "c-new" } });
      const actions = (await legacy.db.auditEvent.findMany({ where: { id: { gt: 30 } }, orderBy: { id: "asc" } })).map((row) => row.action);
      expect(actions).toEqual(["audit.chain_keyed", "client.create", "client.update"]);
      const verdict = await verifyAuditChain(legacy.db, { auditKey: AUDIT_KEY });
      expect(verdict).toMatchObject({ ok: true, count: 33, unkeyedCount: 30, keyedFromId: 31 });
      expect(describeVerdict(verdict)).toContain("the first 30 from before the chain was keyed, sealed by event #31");

      // An unkeyed event appended after the keyed ones (by someone without the key) breaks it.
      const tail = await legacy.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
      const forged = {
        prevHash: tail.hash,
        at: new Date(),
        actorId: null,
        actorEmail: null,
        action: "client.delete",
        targetType: "client",
        targetId: "c-new",
        requestId: null,
        details: "{}",
      };
      await legacy.db.auditEvent.create({ data: { ...forged, hash: computeUnkeyedAuditHash(forged) } });
      expect(await verifyAuditChain(legacy.db, { auditKey: AUDIT_KEY })).toMatchObject({ ok: false, problem: "broken", brokenId: 34 });
    } finally {
      await legacy.close();
    }
  });
});
