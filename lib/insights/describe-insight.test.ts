import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { money } from "@/lib/money/money";
import { describeInsight } from "./describe-insight";
import type { TDepositGuaranteeInsight, TReauthAheadInsight } from "./types";

const deposit: TDepositGuaranteeInsight = {
  id: "depositGuarantee:ana ruiz:banco-meseta",
  kind: "depositGuarantee",
  needsAction: true,
  source: { data: ["accounts"], banks: ["Banco Meseta"], asOf: "2026-12-05", ratesDay: "2026-12-04" },
  figures: {
    holder: "Ana Ruiz",
    entity: "banco-meseta",
    entityName: "Banco Meseta",
    cash: money(12_000_000n, "EUR"),
    covered: money(10_000_000n, "EUR"),
    uncovered: money(2_000_000n, "EUR"),
    jointAccounts: 1,
    convertedCurrencies: ["USD"],
    notConverted: [],
  },
};

describe("describeInsight", () => {
  it("says who, where, how much is uncovered, the joint split, the conversion, the limits and the source, in both languages", () => {
    const en = describeInsight(deposit, MESSAGES.en, "en");
    expect(en.title).toBe("Deposit guarantee: Banco Meseta");
    expect(en.sentence).toBe(
      "Ana Ruiz holds €120,000.00 in cash at Banco Meseta, of which €20,000.00 is above the €100,000.00 the deposit guarantee covers per holder per institution.",
    );
    expect(en.notes.slice(0, 2)).toEqual(["1 joint account(s) counted at the holder's equal share.", "Amounts in USD converted to EUR."]);
    expect(en.notes[2]).toContain("share one cover");
    expect(en.source).toBe("Source: accounts of Banco Meseta, data as of 5 Dec 2026. Converted at the ECB rates of 4 Dec 2026.");
    const es = describeInsight(deposit, MESSAGES.es, "es");
    expect(es.sentence).toMatch(/de los que 20\.000,00\s€ superan los 100\.000,00\s€/);
    expect(es.sentence).toContain("Banco Meseta");
  });

  it("words a re-authentication due in 14 days and one overdue", () => {
    const reauth: TReauthAheadInsight = {
      id: "reauthAhead:c1",
      kind: "reauthAhead",
      needsAction: true,
      source: { data: ["connections"], banks: ["Banco Meseta"], asOf: null, ratesDay: null },
      figures: {
        connectionId: "c1",
        bank: "Banco Meseta",
        lastSca: "2026-06-01",
        lastScaBasis: "connected",
        intervalDays: 180,
        isBankSpecific: false,
        dueDay: "2026-11-28",
        daysLeft: 14,
      },
    };
    expect(describeInsight(reauth, MESSAGES.en, "en").sentence).toBe(
      "Banco Meseta is expected to ask for strong customer authentication on 28 Nov 2026 (in 14 day(s)), 180 days after the last one on 1 Jun 2026 (when the bank was connected).",
    );
    expect(describeInsight({ ...reauth, figures: { ...reauth.figures, daysLeft: -2 } }, MESSAGES.en, "en").sentence).toContain("(2 day(s) ago)");
    expect(describeInsight(reauth, MESSAGES.en, "en").source).toBe("Source: the connection's history of Banco Meseta.");
  });
});
