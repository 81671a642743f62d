import { describe, expect, it } from "vitest";
import { money } from "@/lib/money/money";
import { dedupeHouseholdHoldings, type THolding } from "./household-holdings";
import { householdWealthByCurrency } from "./household-wealth";

const base = { clientId: "ana", connectionId: "conn-ana", entity: "testbank", name: "x", asOf: null } as const;
const rows: THolding[] = [
  // Ana's current account, and the joint savings account seen through both members.
  { ...base, kind: "account", id: "a1", currency: "EUR", balanceMinor: 1_000_00n, type: "ACCOUNTS", reference: "ES7620770024003102575766" },
  { ...base, kind: "account", id: "a2", currency: "EUR", balanceMinor: 20_000_00n, type: "ACCOUNTS", reference: "ES9121000418450200051332" },
  {
    ...base,
    kind: "account",
    id: "l2",
    clientId: "luis",
    connectionId: "conn-luis",
    currency: "EUR",
    balanceMinor: 20_000_00n,
    type: "ACCOUNTS",
    reference: "ES91 2100 0418 4502 0005 1332",
  },
  // Luis's fund at another bank, and his dollars.
  {
    ...base,
    kind: "position",
    id: "p1",
    clientId: "luis",
    connectionId: "conn-luis",
    entity: "bbva",
    currency: "EUR",
    balanceMinor: 5_000_00n,
    type: "F",
    reference: "ES0112345678",
    portfolio: "P1",
  },
  {
    ...base,
    kind: "account",
    id: "u1",
    clientId: "luis",
    connectionId: "conn-luis",
    currency: "USD",
    balanceMinor: 300_00n,
    type: "ACCOUNTS",
    reference: "ES1000491500051234567892",
  },
  // The joint mortgage, through both.
  { ...base, kind: "liability", id: "m1", currency: "EUR", balanceMinor: 8_000_00n, type: "Loan", reference: "9099000111" },
  {
    ...base,
    kind: "liability",
    id: "m2",
    clientId: "luis",
    connectionId: "conn-luis",
    currency: "EUR",
    balanceMinor: 8_000_00n,
    type: "Loan",
    reference: "9099000111",
  },
];

describe("householdWealthByCurrency", () => {
  const wealth = householdWealthByCurrency(dedupeHouseholdHoldings(rows));

  it("adds the members' products per currency, each shared one once, and never across currencies", () => {
    expect(wealth.map((entry) => entry.currency)).toEqual(["EUR", "USD"]);
    const [eur, usd] = wealth;
    expect(eur!.assets).toEqual(money(26_000_00n, "EUR"));
    expect(eur!.liabilities).toEqual(money(8_000_00n, "EUR"));
    expect(eur!.net).toEqual(money(18_000_00n, "EUR"));
    expect(usd!.net).toEqual(money(300_00n, "USD"));
  });

  it("allocates by type and by bank within a currency, the shares adding up to 100 %", () => {
    const eur = wealth[0]!;
    expect(eur.byType.map((slice) => [slice.key, slice.minor])).toEqual([
      ["ACCOUNTS", 21_000_00n],
      ["F", 5_000_00n],
    ]);
    expect(eur.byBank.map((slice) => [slice.key, slice.minor])).toEqual([
      ["testbank", 21_000_00n],
      ["bbva", 5_000_00n],
    ]);
    expect(eur.byType.reduce((sum, slice) => sum + (slice.basisPoints ?? 0), 0)).toBe(10_000);
  });

  it("has no figures for an empty household", () => {
    expect(householdWealthByCurrency([])).toEqual([]);
  });
});
