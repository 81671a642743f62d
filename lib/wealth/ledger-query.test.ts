import { describe, expect, it } from "vitest";
import { encodeLedgerKey, ledgerSearch, parseLedgerQuery, textSearchMatch } from "./ledger-query";

describe("parseLedgerQuery", () => {
  it("reads valid parameters", () => {
    const { query, problems } = parseLedgerQuery({
      page: "3",
      size: "100",
      sort: "amount",
      dir: "asc",
      from: "2025-01-01",
      to: "2025-02-28",
      min: "-10,5",
      max: "200",
      q: " Mercadona ",
      product: "ES51",
    });
    expect(problems).toEqual([]);
    expect(query).toEqual({
      page: 3,
      size: 100,
      sort: "amount",
      dir: "asc",
      from: "2025-01-01",
      to: "2025-02-28",
      min: "-10.5",
      max: "200",
      q: "Mercadona",
      product: "ES51",
    });
  });

  it("drops and reports unknown columns, impossible dates and bad amounts, never throws", () => {
    const { query, problems } = parseLedgerQuery({ sort: "password", from: "2025-02-30", min: "abc", page: "-1", size: "7", dir: "up" });
    expect(query).toEqual({ page: 1, size: 50, sort: "date", dir: "desc" });
    expect(problems.map((p) => p.field).sort()).toEqual(["dir", "from", "min", "page", "size", "sort"]);
    expect(parseLedgerQuery("nonsense").query.page).toBe(1);
    expect(parseLedgerQuery({ from: "2025-03-01", to: "2025-01-01" }).problems).toEqual([{ field: "to", value: "2025-01-01" }]);
  });

  it("writes back a minimal query string", () => {
    const { query } = parseLedgerQuery({ q: "a b", sort: "amount" });
    expect(ledgerSearch(query)).toBe("?sort=amount&q=a+b");
    expect(ledgerSearch(query, { page: 2 })).toBe("?page=2&sort=amount&q=a+b");
  });
});

describe("ledger keys (keyset paging)", () => {
  it("reads back what it wrote, for any description, and only one direction at a time", () => {
    const key = { value: "RECIBO «LUZ» & co. / 100 %", id: "cmx0abc_1-2" };
    expect(parseLedgerQuery({ sort: "description", after: encodeLedgerKey(key) }).query.after).toEqual(key);
    expect(parseLedgerQuery({ before: encodeLedgerKey({ value: "", id: "x" }) }).query.before).toEqual({ value: "", id: "x" });
    const both = parseLedgerQuery({ after: encodeLedgerKey(key), before: encodeLedgerKey(key) });
    expect(both.query.after).toEqual(key);
    expect(both.query.before).toBeUndefined();
    expect(both.problems.map((p) => p.field)).toEqual(["before"]);
  });

  it("drops and reports a key that is malformed, or not a whole amount when sorting by amount", () => {
    for (const after of ["no-dot", "a.b.c", "!!.id", `${"A".repeat(2_001)}.id`, "eA.id with space"])
      expect(parseLedgerQuery({ after }).problems.map((p) => p.field)).toEqual(["after"]);
    expect(parseLedgerQuery({ sort: "amount", after: encodeLedgerKey({ value: "12.5", id: "x" }) }).problems).toHaveLength(1);
    expect(parseLedgerQuery({ sort: "amount", after: encodeLedgerKey({ value: "-1250", id: "x" }) }).query.after).toEqual({ value: "-1250", id: "x" });
  });

  it("never carries a page's key into another link; a next link sets its own", () => {
    const key = { value: "2025-01-01", id: "x" };
    const { query } = parseLedgerQuery({ after: encodeLedgerKey(key), page: "3" });
    expect(ledgerSearch(query, { page: 1 })).toBe("");
    expect(ledgerSearch(query, { page: 4, after: { value: "2024-12-31", id: "y" } })).toBe(
      `?page=4&after=${encodeLedgerKey({ value: "2024-12-31", id: "y" })}`,
    );
  });
});

describe("textSearchMatch", () => {
  it("makes every word a quoted prefix term, so input is never FTS syntax", () => {
    expect(textSearchMatch("recibo")).toBe('"recibo"*');
    expect(textSearchMatch("  Recibo   LUZ ")).toBe('"Recibo"* "LUZ"*');
    expect(textSearchMatch('luz" OR NEAR(a b) col:x *')).toBe('"luz"* "OR"* "NEAR"* "a"* "b"* "col"* "x"*');
    expect(textSearchMatch("Martín-Pérez")).toBe('"Martín"* "Pérez"*');
    expect(textSearchMatch("ES0123456789")).toBe('"ES0123456789"*');
  });

  it("is null when nothing is searchable, and bounded", () => {
    expect(textSearchMatch("%")).toBeNull();
    expect(textSearchMatch(" -- ")).toBeNull();
    expect(textSearchMatch("a ".repeat(50))?.split(" ")).toHaveLength(16);
  });
});

import { csvLine } from "./csv";
describe("csvLine", () => {
  it("quotes, escapes and defuses formulas in text but not in numeric columns", () => {
    expect(csvLine(["a", 'b "c"', null, "=SUM(A1)", "-29.87", "x,y"], new Set([4]))).toBe('a,"b ""c""",,\'=SUM(A1),-29.87,"x,y"\r\n');
  });
});
