import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/auth/current-user";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { emptyFamilies } from "@/lib/insights/investment-profile";
import { money } from "@/lib/money/money";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

/*
 * The insights through their services, on a real database (SQLite here, PostgreSQL in its run): who
 * reaches which client's insights, the figures read from stored rows (a joint account, a USD account,
 * MiFID answers, a connection near its SCA), the profile saved and audited, the advisor's limit.
 */
const current: { db?: PrismaClient; readDb?: TTestDatabase["readDb"] } = {};
vi.mock("@/lib/db", () => ({ getDb: () => current.db, getReadDb: () => current.readDb }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ auditKey: "test-audit-key-test-audit-key-000", BASE_CURRENCY: "EUR", FIRM_TIME_ZONE: "Europe/Madrid" }) }));
vi.mock("@/lib/request/request-id", () => ({ getRequestId: async () => null }));
const { listClientInsights } = await import("./list-client-insights");
const { listInsightsNeedingAction } = await import("./list-insights-needing-action");
const { getInvestmentProfile } = await import("./get-investment-profile");
const { saveInvestmentProfile } = await import("./save-investment-profile");
const { setConcentrationLimit } = await import("./set-concentration-limit");

let database: TTestDatabase;
const user = (id: string, role: "ADVISOR" | "ADMIN"): TSessionUser => ({ id, email: `${id}@example.com`, name: id, role, locale: null, sessionId: "s" });
const ana = user("ana", "ADVISOR");
const luis = user("luis", "ADVISOR");
const admin = user("admin", "ADMIN");
let carmen = "";
let connectionId = "";
const DAY_MS = 86_400_000;

beforeAll(async () => {
  database = await createTestDatabase();
  current.db = database.db;
  current.readDb = database.readDb;
  const db = database.db;
  for (const u of [ana, luis, admin]) await db.user.create({ data: { id: u.id, email: u.email, name: u.name, passwordHash: "x", role: u.role } });
  carmen = (await db.client.create({ data: { displayName: "Carmen", contactEmail: "c@example.com", advisorId: ana.id } })).id;
  await db.client.create({ data: { displayName: "Quiet", contactEmail: "q@example.com", advisorId: ana.id } });
  await db.fxRate.create({ data: { day: "2026-12-04", currency: "USD", perEuro: "1.25", source: "ECB" } });
  // Connected 170 days ago: the SCA expected at 180 days is 10 days ahead.
  const connection = await db.connection.create({
    data: {
      clientId: carmen,
      bank: "banco-meseta",
      bankName: "Banco Meseta",
      linkToken: "t",
      state: "READY",
      pending: false,
      createdAt: new Date(Date.now() - 170 * DAY_MS),
    },
  });
  connectionId = connection.id;
  const row = { connectionId, clientId: carmen, entity: "banco-meseta" };
  await db.wealthIdentity.create({ data: { connectionId, clientId: carmen, fullName: "Carmen Ruiz Gil" } });
  await db.wealthAccount.createMany({
    data: [
      { ...row, flanksId: "a1", iban: "ES01", alias: "Cuenta", balanceMinor: 7_000_000n, currency: "EUR", numOwners: 1, ownersJson: '["Carmen Ruiz Gil"]' },
      // Joint with her husband: 40 000 € of it is hers.
      { ...row, flanksId: "a2", iban: "ES02", alias: "Conjunta", balanceMinor: 8_000_000n, currency: "EUR", numOwners: 2, ownersJson: '["Carmen Ruiz Gil"]' },
      // 12 500 USD = 10 000 € at 1.25.
      { ...row, flanksId: "a3", iban: "ES03", alias: "USD", balanceMinor: 1_250_000n, currency: "USD", numOwners: 1, ownersJson: "[]" },
    ],
  });
  const investment = { ...row, portfolioId: "p1", sybtype: null, quantity: "1", isNominal: false };
  await db.wealthInvestment.createMany({
    data: [
      { ...investment, flanksId: "i1", name: "Fondo Meseta Renta", isin: "ES0000000001", type: "F", currency: "EUR", balanceMinor: 5_000_000n },
      { ...investment, flanksId: "i2", name: "CFD DAX", isin: "CFD-DAX", type: "CFD", currency: "EUR", balanceMinor: 1_000_000n },
    ],
  });
  await db.wealthMifidAnswer.createMany({
    data: [
      {
        connectionId,
        clientId: carmen,
        position: 0,
        questionId: "3",
        question: "¿En qué productos ha invertido en los últimos 5 años?",
        answersJson: '["Fondos de inversión"]',
      },
      { connectionId, clientId: carmen, position: 1, questionId: "5", question: "¿Qué haría si su inversión cayera un 20 %?", answersJson: '["Mantendría"]' },
    ],
  });
  await db.wealthSyncState.create({
    data: { connectionId, clientId: carmen, lastSyncedAt: new Date(), lastSyncRunId: "run-1", dataAsOf: "2026-12-05", dataAsOfAt: new Date() },
  });
}, 60_000);

afterAll(async () => {
  await database?.close();
});

const kinds = (insights: { id: string }[]) => insights.map((insight) => insight.id);

describe("insights services", () => {
  it("computes a client's insights from the stored rows, for their advisor and an admin only", async () => {
    const insights = await listClientInsights(ana, carmen);
    const deposit = insights.find((insight) => insight.kind === "depositGuarantee");
    // 70 000 € + half of 80 000 € + 12 500 USD (10 000 €) = 120 000 €: 20 000 € above the cover.
    expect(deposit?.figures).toMatchObject({
      holder: "Carmen Ruiz Gil",
      entityName: "Banco Meseta",
      cash: money(12_000_000n, "EUR"),
      uncovered: money(2_000_000n, "EUR"),
      jointAccounts: 1,
      convertedCurrencies: ["USD"],
    });
    expect(deposit?.source).toEqual({ data: ["accounts"], banks: ["Banco Meseta"], asOf: "2026-12-05", ratesDay: "2026-12-04" });
    expect(insights.find((insight) => insight.kind === "profileMissing")?.figures).toEqual({ suggestedFromMifid: true });
    expect(insights.find((insight) => insight.kind === "reauthAhead")?.figures).toMatchObject({ connectionId, daysLeft: 10, lastScaBasis: "connected" });
    expect(await listClientInsights(admin, carmen)).toHaveLength(insights.length);
    await expect(listClientInsights(luis, carmen)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listClientInsights(ana, "not a client id")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("pre-fills the profile from the MiFID answers, saves it audited, and checks holdings against it", async () => {
    const page = await getInvestmentProfile(ana, carmen);
    expect(page.saved).toBeNull();
    expect(page.prefill.profile).toMatchObject({ riskLevel: 3, families: { FUNDS: { knowledge: true, experience: true } } });
    expect(page.prefill.suggestions).toContainEqual(expect.objectContaining({ field: "riskLevel", value: 3, answer: "Mantendría", bank: "Banco Meseta" }));
    await expect(saveInvestmentProfile(luis, carmen, page.prefill.profile)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveInvestmentProfile(ana, carmen, { riskLevel: 9, families: emptyFamilies() })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await saveInvestmentProfile(ana, carmen, page.prefill.profile);
    expect((await getInvestmentProfile(ana, carmen)).saved?.profile.riskLevel).toBe(3);
    const audit = await database.db.auditEvent.findMany({ where: { action: "client.profile_update", targetId: carmen } });
    expect(audit).toHaveLength(1);
    const after = await listClientInsights(ana, carmen);
    expect(kinds(after)).not.toContain("profileMissing");
    // The CFD (derivatives) is outside a profile that covers funds only; 10 000 € of 230 000 € is under level 3's 15 %.
    expect(after.find((insight) => insight.kind === "unsuitableFamily")?.figures).toMatchObject({ family: "DERIVATIVES", amount: money(1_000_000n, "EUR") });
    expect(kinds(after)).not.toContain("complexShare");
    const families = { ...emptyFamilies(), FUNDS: { knowledge: true, experience: true }, DERIVATIVES: { knowledge: true, experience: true } };
    await saveInvestmentProfile(ana, carmen, { riskLevel: 3, families });
    expect(kinds(await listClientInsights(ana, carmen)).filter((id) => id.startsWith("unsuitableFamily"))).toEqual([]);
  });

  it("flags concentration above the advisor's own limit, which they set for themselves", async () => {
    // Assets 230 000 €: the bank is all of them; the fund 50 000 € is 21.7 %.
    expect(kinds(await listClientInsights(ana, carmen))).toEqual(
      expect.arrayContaining(["concentration:bank:banco-meseta", "concentration:position:ES0000000001"]),
    );
    await expect(setConcentrationLimit(ana, 101)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(setConcentrationLimit(ana, 2.5)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await setConcentrationLimit(ana, 25);
    const ids = kinds(await listClientInsights(ana, carmen));
    expect(ids).toContain("concentration:bank:banco-meseta");
    expect(ids).not.toContain("concentration:position:ES0000000001");
    // Luis's limit is his own: the admin still has the default 20 %.
    expect(kinds(await listClientInsights(admin, carmen))).toContain("concentration:position:ES0000000001");
  });

  it("lists the book's clients with insights needing action, within the actor's scope", async () => {
    const book = await listInsightsNeedingAction(ana);
    expect(book.map((entry) => entry.clientName)).toEqual(["Carmen"]);
    expect(book[0]?.insights.every((insight) => insight.needsAction)).toBe(true);
    expect(await listInsightsNeedingAction(luis)).toEqual([]);
    expect((await listInsightsNeedingAction(admin, { advisorId: luis.id })).length).toBe(0);
    expect((await listInsightsNeedingAction(admin)).map((entry) => entry.clientName)).toEqual(["Carmen"]);
  });

  it("recomputes when what the insights depend on changes, not from a stale copy", async () => {
    expect(kinds(await listClientInsights(ana, carmen))).toContain(`reauthAhead:${connectionId}`);
    // The bank now asks for SCA: the connection leaves the re-authentications ahead for the inbox's problems.
    await database.db.connection.update({ where: { id: connectionId }, data: { state: "NEEDS_SCA" } });
    expect(kinds(await listClientInsights(ana, carmen))).not.toContain(`reauthAhead:${connectionId}`);
    await database.db.connection.update({ where: { id: connectionId }, data: { state: "READY" } });
    // A sync replaces the rows and the run id together: the cash above the cover changes with them.
    await database.db.wealthAccount.updateMany({ where: { flanksId: "a1" }, data: { balanceMinor: 8_000_000n } });
    await database.db.wealthSyncState.update({ where: { connectionId }, data: { lastSyncRunId: "run-2" } });
    const deposit = (await listClientInsights(ana, carmen)).find((insight) => insight.kind === "depositGuarantee");
    expect(deposit?.figures).toMatchObject({ uncovered: money(3_000_000n, "EUR") });
  });
});
