import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";
import { AUDIT_GENESIS_HASH } from "./audit-hash";

/* Audit events recorded by transactions running at once (several requests, several instances) all commit, in one unbroken chain. */
const current: { db?: PrismaClient } = {};
vi.mock("@/lib/db", () => ({ getDb: () => current.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ auditKey: "test-audit-key-test-audit-key-000" }) }));
const { recordAuditEvent } = await import("./record-audit-event");

let database: TTestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  current.db = database.db;
});

afterAll(async () => {
  await database?.close();
});

it("chains the events of concurrent transactions without losing one", async () => {
  const { db } = database;
  await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      db.$transaction(async (tx) => {
        await tx.user.create({ data: { email: `u${i}@example.com`, name: `U${i}`, passwordHash: "x" } });
        await recordAuditEvent({ actor: null, action: "user.create", target: { type: "user", id: String(i) } }, tx);
      }),
    ),
  );
  const events = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
  expect(events).toHaveLength(8);
  expect(events.map((event) => event.prevHash)).toEqual([AUDIT_GENESIS_HASH, ...events.slice(0, -1).map((event) => event.hash)]);
  expect(await db.user.count()).toBe(8);
});
