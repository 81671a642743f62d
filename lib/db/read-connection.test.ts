import { afterAll, beforeAll, expect, it } from "vitest";
import { readSessionRow } from "@/lib/auth/session-row";
import { readClientConnectionRows } from "@/lib/connections/client-connection-rows";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";
import type { TReadConnection } from "./read-connection";

/* The prepared reads of every page return what Prisma returns for the same rows, and see writes committed by Prisma's connection at once. */
let database: TTestDatabase;
let readDb: TReadConnection;
let clientId = "";

beforeAll(async () => {
  database = await createTestDatabase({ wal: true });
  readDb = database.readDb;
  const db = database.db;
  await db.user.create({ data: { id: "u1", email: "a@example.com", name: "Ana", passwordHash: "x", role: "ADMIN", locale: "es", sessionVersion: 2 } });
  clientId = (await db.client.create({ data: { displayName: "C", contactEmail: "c@example.com", advisorId: "u1" } })).id;
}, 60_000);

afterAll(async () => {
  await database?.close();
});

it("reads a session with its user as Prisma does, and sees its end and a revocation on the next read", async () => {
  const session = await database.db.session.create({ data: { userId: "u1", sessionVersion: 2 } });
  const prismaView = await database.db.session.findUnique({
    where: { id: session.id },
    select: {
      createdAt: true,
      lastSeenAt: true,
      endedAt: true,
      sessionVersion: true,
      user: { select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true, locale: true } },
    },
  });
  expect(await readSessionRow(readDb, session.id)).toEqual(prismaView);
  expect(await readSessionRow(readDb, "missing")).toBeNull();

  await database.db.user.update({ where: { id: "u1" }, data: { sessionVersion: 3, disabled: true } });
  expect((await readSessionRow(readDb, session.id))?.user).toMatchObject({ sessionVersion: 3, disabled: true });
  const endedAt = new Date("2026-01-02T03:04:05.678Z");
  await database.db.session.update({ where: { id: session.id }, data: { endedAt } });
  expect((await readSessionRow(readDb, session.id))?.endedAt).toEqual(endedAt);
});

it("reads a client's connections in creation order, with sync state and the latest run by start time", async () => {
  const db = database.db;
  const first = await db.connection.create({
    data: {
      clientId,
      bank: "testbank",
      bankName: "Test Bank",
      linkToken: "a",
      state: "READY",
      pending: false,
      lastUpdateAt: new Date("2026-01-05T00:00:00Z"),
      createdAt: new Date("2026-01-01T00:00:00Z"),
    },
  });
  const second = await db.connection.create({
    data: { clientId, bank: "otherbank", linkToken: "b", state: "PENDING", createdAt: new Date("2026-01-02T00:00:00Z") },
  });
  await db.wealthSyncState.create({
    data: {
      connectionId: first.id,
      clientId,
      lastSyncedAt: new Date("2026-01-05T10:00:00Z"),
      lastSyncRunId: "run-x",
      dataAsOf: "2026-01-05",
      productsJson: '{"accounts":{}}',
    },
  });
  for (const [day, status] of [
    ["2026-01-03", "FAILED"],
    ["2026-01-04", "SUCCEEDED"],
    ["2026-01-01", "FAILED"],
  ] as const) {
    await db.syncRun.create({
      data: {
        connectionId: first.id,
        clientId,
        reason: "daily",
        status,
        startedAt: new Date(`${day}T08:00:00Z`),
        error: status === "FAILED" ? "timeout: slow" : null,
      },
    });
  }
  const rows = await readClientConnectionRows(readDb, clientId);
  expect(rows.map((row) => row.id)).toEqual([first.id, second.id]);
  expect(rows[0]).toMatchObject({
    bankName: "Test Bank",
    pending: false,
    lastUpdateAt: new Date("2026-01-05T00:00:00Z"),
    createdAt: new Date("2026-01-01T00:00:00Z"),
    stateSince: first.stateSince,
    wealthSyncState: {
      lastSyncedAt: new Date("2026-01-05T10:00:00Z"),
      lastSyncRunId: "run-x",
      dataAsOf: "2026-01-05",
      dataAsOfAt: null,
      productsJson: '{"accounts":{}}',
    },
    latestRun: { status: "SUCCEEDED", startedAt: new Date("2026-01-04T08:00:00Z"), finishedAt: null, error: null },
  });
  expect(rows[1]).toMatchObject({ pending: true, lastUpdateAt: null, wealthSyncState: null, latestRun: null });
  expect(await readClientConnectionRows(readDb, "no-such-client")).toEqual([]);
});
