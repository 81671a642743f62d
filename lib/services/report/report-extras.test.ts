import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/auth/current-user";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

/*
 * The report's inputs from the review (issue 20.1) and the insights (20.2), through their real services on a real
 * database: what changed since the review and the deposit-guarantee insight, worded in the report's language.
 */
const current: { db?: PrismaClient; readDb?: TTestDatabase["readDb"] } = {};
vi.mock("@/lib/db", () => ({ getDb: () => current.db, getReadDb: () => current.readDb }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ auditKey: "test-audit-key-test-audit-key-000", BASE_CURRENCY: "EUR", FIRM_TIME_ZONE: "Europe/Madrid" }) }));
vi.mock("@/lib/request/request-id", () => ({ getRequestId: async () => null }));
const { getReportChanges, listReportInsights } = await import("./report-extras");
const { markClientReviewed } = await import("@/lib/services/reviews/mark-reviewed");

let database: TTestDatabase;
const ana: TSessionUser = { id: "ana", email: "ana@example.com", name: "Ana", role: "ADVISOR", locale: null, sessionId: "s" };
const luis: TSessionUser = { ...ana, id: "luis", email: "luis@example.com", name: "Luis" };
let clientId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const db = (current.db = database.db);
  current.readDb = database.readDb;
  for (const u of [ana, luis]) await db.user.create({ data: { id: u.id, email: u.email, name: u.name, passwordHash: "x" } });
  clientId = (await db.client.create({ data: { displayName: "Carmen", contactEmail: "c@example.com", advisorId: ana.id } })).id;
  const connectionId = (
    await db.connection.create({ data: { clientId, bank: "banco-meseta", bankName: "Banco Meseta", linkToken: "t", state: "READY", pending: false } })
  ).id;
  await db.wealthAccount.create({
    data: {
      connectionId,
      clientId,
      entity: "banco-meseta",
      flanksId: "a1",
      iban: "ES01",
      alias: "Cuenta",
      balanceMinor: 15_000_000n,
      currency: "EUR",
      numOwners: 1,
    },
  });
}, 60_000);

afterAll(async () => {
  await database?.close();
});

it("has no changes before a review, then the review's changes in the report's language; someone else's client is refused", async () => {
  expect(await getReportChanges(ana, clientId, "en")).toBeNull();
  await markClientReviewed(ana, clientId, { reviewDay: "2026-12-01", note: null }, new Date("2026-12-01T10:00:00Z"));
  await database.db.wealthAccount.updateMany({ where: { clientId }, data: { balanceMinor: 16_000_000n } });

  const english = (await getReportChanges(ana, clientId, "en"))!.flatMap((section) => [section.title, ...section.lines]).join("\n");
  const spanish = (await getReportChanges(ana, clientId, "es"))!.flatMap((section) => [section.title, ...section.lines]).join("\n");
  expect(english).toContain("10,000.00");
  expect(spanish).toContain("10.000,00");
  await expect(getReportChanges(luis, clientId, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
});

it("offers the client's insights worded in the report's language, each with its id and source", async () => {
  const [english, spanish] = await Promise.all([listReportInsights(ana, clientId, "en"), listReportInsights(ana, clientId, "es")]);
  const guarantee = english.find((insight) => insight.id.startsWith("depositGuarantee:"));
  expect(guarantee?.sentence).toContain("60,000.00");
  expect(guarantee?.source).not.toBe("");
  expect(spanish.find((insight) => insight.id === guarantee?.id)?.sentence).toContain("60.000,00");
  await expect(listReportInsights(luis, clientId, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
});
