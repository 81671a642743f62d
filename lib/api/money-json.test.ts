import { describe, expect, it } from "vitest";
import { toMoneyJson } from "./money-json";

describe("toMoneyJson", () => {
  it("turns every Money, however deep, into its exact decimal with its currency, and leaves the rest as JSON can carry it", () => {
    const row = {
      id: "tx-1",
      amount: { minor: -123_456n, currency: "EUR" },
      details: { commission: { total: { minor: 250n, currency: "EUR" }, parts: [{ key: "broker", amount: { minor: 5n, currency: "JPY" } }] }, note: null },
      count: 3n,
      at: new Date("2026-12-06T00:00:00Z"),
    };
    const json = toMoneyJson(row);
    expect(json).toEqual({
      id: "tx-1",
      amount: { value: "-1234.56", currency: "EUR" },
      details: { commission: { total: { value: "2.50", currency: "EUR" }, parts: [{ key: "broker", amount: { value: "5", currency: "JPY" } }] }, note: null },
      count: "3",
      at: "2026-12-06T00:00:00.000Z",
    });
    expect(() => JSON.stringify(json)).not.toThrow();
  });
});
