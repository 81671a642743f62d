import { describe, expect, it } from "vitest";
import { redactStatus, summarizeStatus } from "./connection-state";

const flags = (value: boolean) => ({
  product: { auth: value, account: value, card: value, portfolio: value, investment: value, liability: value, holders: value, mifid: value },
  transaction: { account: value, card: value, investment: value, investmentincome: value, liability: value },
});
const healthy = {
  pending: false,
  blocked: false,
  reset_token: null,
  sca_token: null,
  name: "testbank",
  last_update: "2026-11-24",
  time: "06:30",
  errored: flags(false),
  created: flags(true),
};

describe("summarizeStatus", () => {
  it("reads a finished, healthy extraction as READY", () => {
    const summary = summarizeStatus(healthy);
    expect(summary.state).toBe("READY");
    expect(summary.createdProducts).toContain("transaction.account");
    expect(summary.lastUpdateAt?.toISOString()).toBe("2026-11-24T06:30:00.000Z");
  });
  it("blocked or a reset token wins over everything", () => {
    expect(summarizeStatus({ ...healthy, blocked: true, sca_token: "s" }).state).toBe("BLOCKED");
    expect(summarizeStatus({ ...healthy, reset_token: "r" }).state).toBe("BLOCKED");
  });
  it("an sca token means re-authentication", () => expect(summarizeStatus({ ...healthy, sca_token: "s" }).state).toBe("NEEDS_SCA"));
  it("pending while extracting, with the products done so far", () => {
    const status = { ...healthy, pending: true, created: { ...flags(false), product: { ...flags(false).product, account: true } } };
    const summary = summarizeStatus(status);
    expect(summary.state).toBe("PENDING");
    expect(summary.createdProducts).toEqual(["account"]);
  });
  it("errored products make it PARTIAL", () => {
    const summary = summarizeStatus({ ...healthy, errored: { ...flags(false), product: { ...flags(false).product, card: true } } });
    expect(summary.state).toBe("PARTIAL");
    expect(summary.erroredProducts).toEqual(["card"]);
  });
  it("never stores the re-authentication tokens", () => {
    const text = redactStatus({ ...healthy, sca_token: "secret-sca", reset_token: "secret-reset" });
    expect(text).not.toContain("secret-");
    expect(JSON.parse(text).sca_token).toBe("[present]");
  });
  it("stores only the documented fields: whatever Flanks adds stays out of the database", () => {
    const withAdditions = {
      ...healthy,
      holder_name: "Wenceslao Zubizarreta",
      session_token: "an-undocumented-token",
      errored: { ...flags(false), product: { ...flags(false).product, card: true, some_new_product: "note" } },
      created: { ...flags(true), transaction: { ...flags(true).transaction, extra: { iban: "ES7921000813610123456789" } } },
    };
    const stored = JSON.parse(redactStatus(withAdditions));
    expect(JSON.stringify(stored)).not.toMatch(/Wenceslao|an-undocumented-token|note|ES79/);
    expect(Object.keys(stored).sort()).toEqual([
      "blocked",
      "created",
      "created_at_timestamp",
      "errored",
      "last_transaction_date",
      "last_update",
      "last_update_timestamp",
      "name",
      "pending",
      "reset_token",
      "sca_token",
      "time",
      "transaction_token",
      "unknown_flags",
    ]);
    // Flags Flanks added are listed apart by name (issue 15.3), never among the products, never with their values.
    expect(stored.unknown_flags).toEqual(["transaction.extra", "some_new_product"]);
    expect(stored.errored.product).not.toHaveProperty("some_new_product");
    expect(stored).toMatchObject({
      name: "testbank",
      pending: false,
      last_update: "2026-11-24",
      time: "06:30",
      errored: { product: { card: true, account: false } },
      created: { transaction: { account: true } },
    });
  });
});
