import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/auth/current-user";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { formatMoney } from "@/lib/i18n/format";
import { renderReportPdf } from "@/lib/report/report-pdf";
import type { TReportInsight } from "@/lib/report/report-model";
import { normalizeSpaces, pdfText } from "@/lib/report/test/pdf-text";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

/*
 * The client report through its services on a real database: the PDF's text holds the overview's
 * totals exactly as the overview shows them, in the client's language; each report made is in the
 * audit log and listed back; someone else's client is refused and nothing is recorded.
 */
const current: { db?: PrismaClient; readDb?: TTestDatabase["readDb"] } = {};
const available: { insights: TReportInsight[] } = { insights: [] };
vi.mock("@/lib/db", () => ({ getDb: () => current.db, getReadDb: () => current.readDb }));
vi.mock("@/lib/env", () => ({
  getEnv: () => ({ auditKey: "test-audit-key-test-audit-key-000", BASE_CURRENCY: "EUR", FIRM_NAME: "Gestión Ñandú", FIRM_TIME_ZONE: "Europe/Madrid" }),
}));
vi.mock("@/lib/request/request-id", () => ({ getRequestId: async () => null }));
// The insights of issue 20.2 are not built yet: the provider is replaced to check that only the chosen ones are kept.
vi.mock("./report-extras", () => ({ getReportChanges: async () => null, listReportInsights: async () => available.insights }));
const { makeClientReport } = await import("./make-client-report");
const { listRecentReports } = await import("./list-recent-reports");
const { getReportOptions } = await import("./get-report-options");
const { getBaseOverview } = await import("@/lib/services/wealth/get-base-overview");

let database: TTestDatabase;
const user = (id: string, name: string): TSessionUser => ({ id, email: `${id}@example.com`, name, role: "ADVISOR", locale: null, sessionId: "s" });
const ana = user("ana", "Ana García");
const luis = user("luis", "Luis Pérez");
let clientId = "";
const PERIOD = { from: "2026-01-01", to: "2026-12-05" };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = (current.db = database.db);
  current.readDb = database.readDb;
  for (const u of [ana, luis]) await db.user.create({ data: { id: u.id, email: u.email, name: u.name, passwordHash: "x" } });
  clientId = (await db.client.create({ data: { displayName: "Carmen Ruiz", contactEmail: "c@example.com", advisorId: ana.id } })).id;
  const connectionId = (
    await db.connection.create({ data: { clientId, bank: "testbank", bankName: "TestBank", linkToken: "t", state: "READY", pending: false } })
  ).id;
  const base = { connectionId, clientId, entity: "testbank" };
  await db.wealthAccount.create({ data: { ...base, flanksId: "a1", iban: "ES00", alias: "Cuenta", balanceMinor: 1_234_567n, currency: "EUR", numOwners: 1 } });
  await db.wealthAccount.create({ data: { ...base, flanksId: "a2", iban: "ES01", alias: "USD", balanceMinor: 100_001n, currency: "USD", numOwners: 1 } });
  await db.wealthInvestment.create({
    data: {
      ...base,
      flanksId: "i1",
      portfolioId: "p1",
      name: "Fondo Global",
      isin: "LU0000000001",
      type: "F",
      currency: "EUR",
      quantity: "10",
      isNominal: false,
      balanceMinor: 5_000_000n,
    },
  });
  await db.wealthLiability.create({ data: { ...base, flanksId: "l1", name: "Hipoteca vivienda", type: "M", currency: "EUR", balanceMinor: 2_500_000n } });
  await db.fxRate.create({ data: { day: "2026-12-04", currency: "USD", perEuro: "1.0823", source: "ECB" } });
  await db.wealthSyncState.create({
    data: { connectionId, clientId, lastSyncedAt: new Date("2026-12-04T08:00:00Z"), lastSyncRunId: "run-1", dataAsOfAt: new Date("2026-12-04T07:30:00Z") },
  });
}, 60_000);

afterAll(async () => {
  await database?.close();
});

const reportEvents = () => database.db.auditEvent.findMany({ where: { action: "report.generate" }, orderBy: { id: "asc" } });

describe("makeClientReport", () => {
  it("writes the overview's totals into the PDF as the overview shows them, in the advisor's language when the client has none", async () => {
    const overview = await getBaseOverview(ana, clientId);
    const report = await makeClientReport(ana, clientId, { period: PERIOD, insightIds: [] }, { format: "pdf", advisorLocale: "es" });
    const { text } = await pdfText(await renderReportPdf(report.model));
    expect(text).toContain("Informe patrimonial");
    expect(text).toContain("Gestión Ñandú");
    for (const figure of [overview.base.assets, overview.base.liabilities, overview.base.net, ...overview.currencies.map((c) => c.net)]) {
      expect(text).toContain(normalizeSpaces(formatMoney(figure, "es")));
    }
    // 1 000.01 USD at 1.0823 = 923.967… EUR, with 12 345.67 + 50 000.00 EUR: one figure, rounded once.
    expect(text).toContain("63.269,64 €");
    expect(text).toContain("Hipoteca vivienda");
    expect(text).toContain("Fondo Global");
    expect(report.fileName).toBe("carmen-ruiz-informe-patrimonial-2026-12-05.pdf");
  });

  it("is in the client's language when one is stored", async () => {
    await database.db.client.update({ where: { id: clientId }, data: { language: "en" } });
    const report = await makeClientReport(ana, clientId, { period: PERIOD, insightIds: [] }, { format: "print", advisorLocale: "es" });
    const { text } = await pdfText(await renderReportPdf(report.model));
    expect(text).toContain("Wealth report");
    expect(text).toContain("€63,269.64");
    expect(report.fileName).toBe("carmen-ruiz-wealth-report-2026-12-05.pdf");
    await database.db.client.update({ where: { id: clientId }, data: { language: null } });
  });

  it("keeps only the chosen insights that are still available", async () => {
    available.insights = [
      { id: "fgd", title: "Garantía de depósitos", sentence: "Todo cubierto.", source: "Saldos" },
      { id: "sca", title: "Reautenticación", sentence: "En 10 días.", source: "Conexiones" },
    ];
    const report = await makeClientReport(ana, clientId, { period: PERIOD, insightIds: ["sca", "gone"] }, { format: "pdf", advisorLocale: "es" });
    const { text } = await pdfText(await renderReportPdf(report.model));
    expect(text).toContain("En 10 días.");
    expect(text).not.toContain("Todo cubierto.");
    available.insights = [];
    expect(JSON.parse((await reportEvents()).at(-1)!.details)).toMatchObject({ insights: ["sca"] });
  });

  it("records each report made (who, for whom, period, insights, format) and lists them back, newest first", async () => {
    const events = await reportEvents();
    expect(events.map((event) => [event.actorId, event.targetType, event.targetId])).toEqual([
      [ana.id, "client", clientId],
      [ana.id, "client", clientId],
      [ana.id, "client", clientId],
    ]);
    expect(JSON.parse(events[0]!.details)).toEqual({ format: "pdf", from: PERIOD.from, to: PERIOD.to, insights: [], language: "es" });
    const recent = await listRecentReports(ana, clientId);
    expect(recent.map((r) => [r.by, r.format, r.from, r.to, r.insights])).toEqual([
      ["Ana García", "pdf", PERIOD.from, PERIOD.to, 1],
      ["Ana García", "print", PERIOD.from, PERIOD.to, 0],
      ["Ana García", "pdf", PERIOD.from, PERIOD.to, 0],
    ]);
    const options = await getReportOptions(ana, clientId, "en", "2026-12-06");
    expect(options).toMatchObject({ language: { locale: "en", source: "advisor" }, period: { from: "2026-01-01", to: "2026-12-06" }, insights: [] });
    expect(options.recent).toHaveLength(3);
  });

  it("refuses someone else's client like a missing one, and records nothing", async () => {
    const before = (await reportEvents()).length;
    await expect(makeClientReport(luis, clientId, { period: PERIOD, insightIds: [] }, { format: "pdf", advisorLocale: "es" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listRecentReports(luis, clientId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReportOptions(luis, clientId, "es", "2026-12-06")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await reportEvents()).toHaveLength(before);
  });
});
