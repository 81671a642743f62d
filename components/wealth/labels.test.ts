import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { accountTxTypeLabel, investmentTxTypeLabel, portfolioTypeLabel } from "./labels";

describe("transaction and portfolio types by name (issue 15)", () => {
  it("names an investment transaction's standard code in each language, and a reversal by what it reverses", () => {
    expect(investmentTxTypeLabel("5", MESSAGES.en)).toBe("Dividend");
    expect(investmentTxTypeLabel("5", MESSAGES.es)).toBe("Dividendo");
    expect(investmentTxTypeLabel("4", MESSAGES.en)).toBe("Funds transfer");
    expect(investmentTxTypeLabel("28", MESSAGES.en, "1")).toBe("Reversal of Purchase / subscription");
    expect(investmentTxTypeLabel("28", MESSAGES.es, null)).toBe("Retrocesión");
  });

  it("shows a code added later as such, never as a blank", () => {
    expect(investmentTxTypeLabel("99", MESSAGES.en)).toBe("Other (99)");
    expect(accountTxTypeLabel("standing_order", MESSAGES.en)).toBe("standing_order");
    expect(accountTxTypeLabel("direct_debit", MESSAGES.es)).toBe("Recibo domiciliado");
  });

  it("names Flanks' portfolio types and investment type codes", () => {
    expect(portfolioTypeLabel("UM", "en", MESSAGES.en)).toBe("Not managed");
    expect(portfolioTypeLabel("F", "es", MESSAGES.es)).not.toBe("F");
    expect(portfolioTypeLabel("securities", "en", MESSAGES.en)).toBe("securities");
  });
});
