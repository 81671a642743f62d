import { describe, expect, it } from "vitest";
import { parseEcbRatesXml, toEcbRatesXml } from "./ecb-xml";

// The head of the ECB's real eurofxref-daily.xml (single quotes, default namespace, a gesmes prefix).
const DAILY = `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
\t<gesmes:subject>Reference rates</gesmes:subject>
\t<gesmes:Sender>
\t\t<gesmes:name>European Central Bank</gesmes:name>
\t</gesmes:Sender>
\t<Cube>
\t\t<Cube time='2026-12-04'>
\t\t\t<Cube currency='USD' rate='1.0823'/>
\t\t\t<Cube currency='JPY' rate='161.25'/>
\t\t\t<Cube currency='BGN' rate='1.9558'/>
\t\t</Cube>
\t</Cube>
</gesmes:Envelope>`;

describe("parseEcbRatesXml", () => {
  it("reads the daily file", () => {
    expect(parseEcbRatesXml(DAILY)).toEqual({
      rows: [
        { day: "2026-12-04", currency: "USD", perEuro: "1.0823" },
        { day: "2026-12-04", currency: "JPY", perEuro: "161.25" },
        { day: "2026-12-04", currency: "BGN", perEuro: "1.9558" },
      ],
      skipped: 0,
    });
  });

  it("reads several days, double quotes, attributes in any order and a prefixed Cube", () => {
    const xml = `<e:Envelope xmlns:e="x"><e:Cube><e:Cube time="2026-12-04"><e:Cube rate="1.1" currency="USD" /></e:Cube>
      <Cube time='2026-12-03'><Cube currency='USD' rate='1.2'/></Cube></e:Cube></e:Envelope>`;
    expect(parseEcbRatesXml(xml).rows).toEqual([
      { day: "2026-12-04", currency: "USD", perEuro: "1.1" },
      { day: "2026-12-03", currency: "USD", perEuro: "1.2" },
    ]);
  });

  it("sets aside an unreadable record and keeps its siblings", () => {
    const xml = DAILY.replace("rate='161.25'", "rate='N/A'").replace("currency='BGN'", "currency='bg'");
    const result = parseEcbRatesXml(xml);
    expect(result.rows).toEqual([{ day: "2026-12-04", currency: "USD", perEuro: "1.0823" }]);
    expect(result.skipped).toBe(2);
    // A rate of zero or a negative one would divide by zero or flip a sign.
    expect(parseEcbRatesXml(DAILY.replace("1.0823", "0.0000")).skipped).toBe(1);
    expect(parseEcbRatesXml(DAILY.replace("1.0823", "-1.08")).skipped).toBe(1);
    // A rate under a malformed day is not filed under some other day.
    expect(parseEcbRatesXml(`<Cube time='2026-12-04'/><Cube time='2026-13-45'><Cube currency='USD' rate='1'/></Cube>`)).toEqual({ rows: [], skipped: 2 });
  });

  it("refuses what is not a rates file (an HTML error page, JSON)", () => {
    expect(() => parseEcbRatesXml("<html><body>502 Bad Gateway</body></html>")).toThrow(/Not an ECB/);
    expect(() => parseEcbRatesXml('{"rates":{}}')).toThrow(/Not an ECB/);
  });

  it("reads back what toEcbRatesXml writes", () => {
    const days = [
      { day: "2026-12-04", rates: [{ currency: "USD", perEuro: "1.0823" }] },
      { day: "2026-12-03", rates: [{ currency: "GBP", perEuro: "0.84" }] },
    ];
    expect(parseEcbRatesXml(toEcbRatesXml(days)).rows).toEqual([
      { day: "2026-12-04", currency: "USD", perEuro: "1.0823" },
      { day: "2026-12-03", currency: "GBP", perEuro: "0.84" },
    ]);
  });
});
