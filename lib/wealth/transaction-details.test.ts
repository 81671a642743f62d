import { describe, expect, it } from "vitest";
import { money } from "@/lib/money/money";
import { investmentTxDetails, parseExtra, transferCounterparty } from "./transaction-details";

describe("investment transaction details (issue 15: fees, taxes, expenses, exchange, realised gain)", () => {
  const extra = parseExtra(
    JSON.stringify({
      commission_detail: { ITF: null, broker: 1.2, canon: 0, entity: 0.8, fx: null, extra_part: 3 },
      retention: 4.56,
      retention_detail: { origin: 2.5, destination: 2.06 },
      expenses: 0.35,
      expenses_detail: { custody: null, financial: null, iva: null, liquidation: 0.35 },
      exchange: 0.9187,
      referenceCurrency: "EUR",
      origin_gain: { date: "2021-03-04", value: 123.45 },
      reversal_type: null,
    }),
  );

  it("reads every figure in the transaction's currency, with its breakdown in the reference's order", () => {
    const details = investmentTxDetails(extra, "USD", 200n);
    expect(details.commission).toEqual({
      total: money(200n, "USD"),
      parts: [
        { key: "entity", amount: money(80n, "USD") },
        { key: "broker", amount: money(120n, "USD") },
      ],
    });
    expect(details.retention).toEqual({
      total: money(456n, "USD"),
      parts: [
        { key: "origin", amount: money(250n, "USD") },
        { key: "destination", amount: money(206n, "USD") },
      ],
    });
    expect(details.expenses).toEqual({ total: money(35n, "USD"), parts: [{ key: "liquidation", amount: money(35n, "USD") }] });
    expect(details.exchange).toEqual({ rate: "0.9187", from: "USD", to: "EUR" });
    expect(details.originGain).toEqual({ amount: money(12345n, "USD"), date: "2021-03-04" });
    expect(details.reversalType).toBeNull();
  });

  it("leaves out what was not given, and survives a malformed row", () => {
    const details = investmentTxDetails(parseExtra('{"retention":"x","origin_gain":null,"commission_detail":[1]}'), "EUR", null);
    expect(details.commission).toEqual({ total: null, parts: [] });
    expect(details.retention.total).toBeNull();
    expect(details.exchange).toBeNull();
    expect(details.originGain).toBeNull();
    expect(parseExtra("not json")).toEqual({});
  });
});

describe("transfer counterparty", () => {
  const transfer = {
    beneficiary: "Javier Martín",
    ibanBeneficiary: "ES7620770024003102575766",
    ibanOrdenant: "ES9121000418450200051332",
    ordenant: "Carmen Ruiz",
  };

  it("is the beneficiary of money going out and the payer of money coming in", () => {
    expect(transferCounterparty({ transfer }, -5000n)).toEqual({ direction: "to", name: "Javier Martín", iban: "ES7620770024003102575766" });
    expect(transferCounterparty({ transfer }, 5000n)).toEqual({ direction: "from", name: "Carmen Ruiz", iban: "ES9121000418450200051332" });
  });

  it("is none when the bank names neither, or the row is no transfer", () => {
    expect(transferCounterparty({ transfer: { ...transfer, beneficiary: null, ibanBeneficiary: "" } }, -1n)).toBeNull();
    expect(transferCounterparty({}, 1n)).toBeNull();
  });
});
