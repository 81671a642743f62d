import { describe, expect, it } from "vitest";
import { parseEcbRatesXml } from "@/lib/fx/ecb-xml";
import { sandboxFxRate } from "./fx-rates";
import { makeKit } from "./sandbox-test-kit";

describe("sandbox euro reference rates", () => {
  it("serves the ECB's 90-day and daily files without a bearer token, weekdays only, deterministic per day", async () => {
    const kit = makeKit({ now: () => Date.parse("2026-12-06T10:00:00Z") }); // a Sunday
    const hist = await kit.call("GET", "fx/eurofxref-hist-90d.xml", undefined, { token: null });
    expect(hist.status).toBe(200);
    expect(hist.headers.get("content-type")).toMatch(/xml/);
    const { rows, skipped } = parseEcbRatesXml(await hist.text());
    expect(skipped).toBe(0);
    const days = [...new Set(rows.map((row) => row.day))];
    expect(days[0]).toBe("2026-12-04");
    expect(days).not.toContain("2026-12-05");
    expect(days.length).toBeGreaterThan(60);
    expect(rows.find((row) => row.day === "2026-12-04" && row.currency === "USD")?.perEuro).toBe(sandboxFxRate("USD", "2026-12-04"));
    const daily = parseEcbRatesXml(await (await kit.call("GET", "fx/eurofxref-daily.xml", undefined, { token: null })).text());
    expect(new Set(daily.rows.map((row) => row.day))).toEqual(new Set(["2026-12-04"]));
    expect((await kit.call("POST", "fx/eurofxref-daily.xml", {}, { token: null })).status).toBe(405);
  });

  it("writes rates as exact decimals within 1 % of their centre (JPY with two decimals)", () => {
    expect(sandboxFxRate("USD", "2026-12-04")).toMatch(/^1\.0[7-9]\d\d$/);
    expect(sandboxFxRate("JPY", "2026-12-04")).toMatch(/^1[56]\d\.\d\d$/);
    expect(sandboxFxRate("XYZ", "2026-12-04")).toBeNull();
  });
});
