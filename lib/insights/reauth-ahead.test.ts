import { describe, expect, it } from "vitest";
import { reauthAheadInsights, type TReauthConnection } from "./reauth-ahead";

const connection = (extra: Partial<TReauthConnection> = {}): TReauthConnection => ({
  id: "c1",
  bankId: "banco-meseta",
  bank: "Banco Meseta",
  state: "READY",
  connectedAt: new Date("2026-06-01T10:00:00Z"),
  reauthenticatedAt: null,
  dataAsOf: "2026-12-05",
  ...extra,
});

describe("reauthAheadInsights", () => {
  // Connected on 1 June 2026: the next SCA is expected 180 days later, on 28 November 2026.
  it("lists a connection exactly 14 days ahead of its expected SCA, not 15", () => {
    const [insight] = reauthAheadInsights([connection()], "2026-11-14");
    expect(insight?.figures).toMatchObject({ dueDay: "2026-11-28", daysLeft: 14, lastSca: "2026-06-01", lastScaBasis: "connected", intervalDays: 180 });
    expect(insight?.needsAction).toBe(true);
    expect(reauthAheadInsights([connection()], "2026-11-13")).toEqual([]);
  });

  it("keeps an overdue connection listed with negative days", () => {
    expect(reauthAheadInsights([connection()], "2026-12-01")[0]?.figures.daysLeft).toBe(-3);
  });

  it("counts from the last completed re-authentication", () => {
    const [insight] = reauthAheadInsights([connection({ reauthenticatedAt: new Date("2026-09-01T08:00:00Z") })], "2027-02-14");
    expect(insight?.figures).toMatchObject({ lastSca: "2026-09-01", lastScaBasis: "reauthenticated", dueDay: "2027-02-28", daysLeft: 14 });
  });

  it("uses a bank's shorter interval when it is known to ask sooner", () => {
    const [insight] = reauthAheadInsights([connection({ bankId: "caja-rural-tajo" })], "2026-08-16");
    expect(insight?.figures).toMatchObject({ intervalDays: 90, isBankSpecific: true, dueDay: "2026-08-30", daysLeft: 14 });
  });

  it("leaves connections already asking for SCA or blocked to the inbox's problems", () => {
    expect(reauthAheadInsights([connection({ state: "NEEDS_SCA" }), connection({ state: "BLOCKED" })], "2026-11-20")).toEqual([]);
  });
});
