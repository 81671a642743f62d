import { describe, expect, it } from "vitest";
import { dedupeHouseholdHoldings, holdingKey, normalizeProductReference, type THolding } from "./household-holdings";

let next = 0;
function holding(overrides: Partial<THolding>): THolding {
  next += 1;
  return {
    kind: "account",
    id: `row-${next}`,
    clientId: "ana",
    connectionId: "conn-ana",
    entity: "testbank",
    name: "Cuenta",
    currency: "EUR",
    balanceMinor: 100_00n,
    type: "ACCOUNTS",
    reference: null,
    asOf: "2026-12-01T10:00:00.000Z",
    ...overrides,
  };
}

const keptIds = (holdings: THolding[]) =>
  dedupeHouseholdHoldings(holdings)
    .map((h) => h.id)
    .sort();

describe("normalizeProductReference", () => {
  it("drops spaces, dashes and dots and upper-cases", () => {
    expect(normalizeProductReference(" es91 2100-0418.4502 0005 1332 ")).toBe("ES9121000418450200051332");
    expect(normalizeProductReference(null)).toBe("");
  });
});

describe("dedupeHouseholdHoldings", () => {
  it("counts the same IBAN reached through two members once, however it is written, naming both holders", () => {
    const plain = holding({ clientId: "ana", connectionId: "conn-ana", reference: "ES9121000418450200051332", balanceMinor: 5_000_00n });
    const spaced = holding({ clientId: "luis", connectionId: "conn-luis", reference: "es91 2100 0418 4502 0005 1332", balanceMinor: 5_000_00n });
    const result = dedupeHouseholdHoldings([plain, spaced]);
    expect(result).toHaveLength(1);
    expect(result[0]!.holderClientIds).toEqual(["ana", "luis"]);
    expect(result[0]!.connectionCount).toBe(2);
  });

  it("keeps the freshest copy, and the smallest connection id on a tie, whatever the input order", () => {
    const older = holding({
      clientId: "ana",
      connectionId: "conn-b",
      reference: "ES9121000418450200051332",
      balanceMinor: 1n,
      asOf: "2026-11-30T10:00:00.000Z",
    });
    const newer = holding({
      clientId: "luis",
      connectionId: "conn-c",
      reference: "ES9121000418450200051332",
      balanceMinor: 2n,
      asOf: "2026-12-01T10:00:00.000Z",
    });
    expect(dedupeHouseholdHoldings([older, newer]).map((h) => h.balanceMinor)).toEqual([2n]);
    expect(dedupeHouseholdHoldings([newer, older]).map((h) => h.balanceMinor)).toEqual([2n]);
    const tieA = holding({ connectionId: "conn-a", reference: "ES9121000418450200051332", balanceMinor: 3n, asOf: null });
    const tieZ = holding({ connectionId: "conn-z", reference: "ES9121000418450200051332", balanceMinor: 4n, asOf: null });
    expect(dedupeHouseholdHoldings([tieZ, tieA]).map((h) => h.balanceMinor)).toEqual([3n]);
  });

  it("counts the same account number (not an IBAN) at the same bank through two members once, and at two banks twice", () => {
    const a = holding({ clientId: "ana", connectionId: "conn-ana", reference: "0049-1500-05", entity: "bbva" });
    const b = holding({ clientId: "luis", connectionId: "conn-luis", reference: "0049 1500 05", entity: "BBVA " });
    const elsewhere = holding({ clientId: "luis", connectionId: "conn-luis-2", reference: "0049150005", entity: "caixabank" });
    expect(keptIds([a, b, elsewhere])).toEqual([a.id, elsewhere.id].sort());
  });

  it("counts the same ISIN in the same portfolio at the same bank once, and at different banks twice", () => {
    const position = (overrides: Partial<THolding>) =>
      holding({ kind: "position", type: "F", reference: "ES0112345678", portfolio: "9099123456", ...overrides });
    const ana = position({ clientId: "ana", connectionId: "conn-ana" });
    const luis = position({ clientId: "luis", connectionId: "conn-luis", reference: "es0112345678" });
    const otherBank = position({ clientId: "luis", connectionId: "conn-luis-2", entity: "caixabank" });
    const otherPortfolio = position({ clientId: "luis", connectionId: "conn-luis", portfolio: "9099000001" });
    expect(keptIds([ana, luis, otherBank, otherPortfolio])).toEqual([ana.id, otherBank.id, otherPortfolio.id].sort());
  });

  it("never merges what nothing identifies: no reference, or a position without its portfolio", () => {
    const a = holding({ reference: "", connectionId: "conn-ana" });
    const b = holding({ reference: null, connectionId: "conn-luis", clientId: "luis" });
    const c = holding({ kind: "position", reference: "ES0112345678", portfolio: null, connectionId: "conn-ana" });
    const d = holding({ kind: "position", reference: "ES0112345678", portfolio: null, connectionId: "conn-luis", clientId: "luis" });
    expect(keptIds([a, b, c, d])).toEqual([a.id, b.id, c.id, d.id].sort());
    expect(holdingKey(c)).toBeNull();
  });

  it("keeps two rows of one connection with the same key (two lots), and drops the other connection's two", () => {
    const lot = (connectionId: string, clientId: string, asOf: string) =>
      holding({ kind: "position", type: "F", reference: "ES0112345678", portfolio: "P1", connectionId, clientId, asOf });
    const ana1 = lot("conn-ana", "ana", "2026-12-02");
    const ana2 = lot("conn-ana", "ana", "2026-12-02");
    const luis1 = lot("conn-luis", "luis", "2026-12-01");
    const luis2 = lot("conn-luis", "luis", "2026-12-01");
    const result = dedupeHouseholdHoldings([luis1, ana1, luis2, ana2]);
    expect(result.map((h) => h.id).sort()).toEqual([ana1.id, ana2.id].sort());
    expect(result.every((h) => h.holderClientIds.join() === "luis,ana")).toBe(true);
  });

  it("counts a joint loan (same contract at the same bank) once", () => {
    const loan = (clientId: string, connectionId: string) =>
      holding({ kind: "liability", type: "Loan", reference: "9099 000111222333", clientId, connectionId });
    expect(dedupeHouseholdHoldings([loan("ana", "c1"), loan("luis", "c2")])).toHaveLength(1);
  });

  it("two connections of the same member to the same bank: one product, one holder", () => {
    const result = dedupeHouseholdHoldings([
      holding({ connectionId: "c1", reference: "ES9121000418450200051332" }),
      holding({ connectionId: "c2", reference: "ES9121000418450200051332" }),
    ]);
    expect(result).toHaveLength(1);
    expect(result[0]!.holderClientIds).toEqual(["ana"]);
  });
});
