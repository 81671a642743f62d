import { describe, expect, it } from "vitest";
import { moneyFromDecimal } from "@/lib/money/money";
import { dayIn, formatDate, formatDateTime, formatDay, formatMoney, formatPercent } from "./format";

// Intl separates the amount and the symbol with a no-break space; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatting", () => {
  it("shows money with its currency in each locale", () => {
    expect(plain(formatMoney(moneyFromDecimal(1234567.5, "EUR"), "es"))).toBe("1.234.567,50 €");
    expect(plain(formatMoney(moneyFromDecimal(1234567.5, "EUR"), "en"))).toBe("€1,234,567.50");
    expect(plain(formatMoney(moneyFromDecimal(99.9, "USD"), "es"))).toBe("99,90 US$");
    expect(plain(formatMoney(moneyFromDecimal(99.9, "USD"), "en"))).toBe("US$99.90");
  });

  it("shows negative amounts with a minus sign", () => {
    expect(plain(formatMoney(moneyFromDecimal(-1500.25, "EUR"), "es"))).toBe("-1500,25 €");
    expect(plain(formatMoney(moneyFromDecimal(-1500.25, "EUR"), "en"))).toBe("-€1,500.25");
  });

  it("formats amounts beyond float precision exactly", () => {
    expect(plain(formatMoney(moneyFromDecimal("12345678901234567.89", "EUR"), "en"))).toBe("€12,345,678,901,234,567.89");
  });

  it("shows Flanks ratios as percentages", () => {
    expect(plain(formatPercent(0.2, "es"))).toBe("20,00 %");
    expect(plain(formatPercent(-0.0345, "en"))).toBe("-3.45%");
  });

  it("shows calendar dates without a time-zone shift", () => {
    expect(formatDay("2026-01-01", "es")).toBe("1 ene 2026");
    expect(formatDay("2026-01-01", "en")).toBe("1 Jan 2026");
    // A Flanks day given to the instant formatter is still that day, west of UTC too.
    expect(formatDate("2026-12-05", "en", "America/Mexico_City")).toBe("5 Dec 2026");
  });

  // Issue 15: at 23:59 UTC the connections page said "Since 5 Dec" and the admin page "Last status 6 Dec, 00:59".
  it("names the same day for one instant in every view, in the firm's time zone", () => {
    const instant = "2026-12-05T23:59:00.000Z";
    expect(formatDate(instant, "en", "Europe/Madrid")).toBe("6 Dec 2026");
    expect(formatDate(new Date(instant), "es", "Europe/Madrid")).toBe("6 dic 2026");
    expect(formatDateTime(instant, "en", "Europe/Madrid")).toBe("6 Dec 2026, 00:59");
    expect(dayIn(instant, "Europe/Madrid")).toBe("2026-12-06");
    // Another firm's zone moves every view together.
    expect(formatDate(instant, "en", "America/New_York")).toBe("5 Dec 2026");
    expect(formatDateTime(instant, "en", "America/New_York")).toBe("5 Dec 2026, 18:59");
  });
});
