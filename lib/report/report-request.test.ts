import { describe, expect, it } from "vitest";
import { fileSlug, reportLanguage } from "./report-language";
import { parseReportRequest, queryRecord } from "./report-request";

const TODAY = "2026-12-06";

describe("parseReportRequest", () => {
  it("defaults to the year so far", () => {
    expect(parseReportRequest({}, TODAY)).toEqual({ request: { period: { from: "2026-01-01", to: TODAY }, insightIds: [] }, problems: [] });
  });

  it("takes the period and the chosen insights (a repeated parameter, each once)", () => {
    const query = queryRecord(new URLSearchParams("from=2025-12-31&to=2026-06-30&insight=a&insight=b&insight=a"));
    expect(parseReportRequest(query, TODAY).request).toEqual({ period: { from: "2025-12-31", to: "2026-06-30" }, insightIds: ["a", "b"] });
  });

  it("names each bad parameter instead of guessing", () => {
    expect(parseReportRequest({ from: "2026-02-30", to: "6/12/2026" }, TODAY).problems).toEqual([
      { field: "from", code: "day" },
      { field: "to", code: "day" },
    ]);
    expect(parseReportRequest({ from: "2026-07-01", to: "2026-06-30" }, TODAY).problems).toEqual([{ field: "from", code: "order" }]);
    expect(parseReportRequest({ to: "2026-12-07" }, TODAY).problems).toEqual([{ field: "to", code: "future", today: TODAY }]);
    expect(parseReportRequest({ from: "2016-12-05" }, TODAY).problems).toEqual([{ field: "from", code: "tooLong", years: 10 }]);
    expect(parseReportRequest({ from: "2016-12-06" }, TODAY).problems).toEqual([]);
    expect(parseReportRequest({ insight: ["ok", "<script>"] }, TODAY).problems).toEqual([{ field: "insight", code: "insights" }]);
  });
});

describe("reportLanguage", () => {
  it("is the client's language when stored, else the advisor's, else Spanish", () => {
    expect(reportLanguage("en", "es")).toEqual({ locale: "en", source: "client" });
    expect(reportLanguage(null, "en")).toEqual({ locale: "en", source: "advisor" });
    expect(reportLanguage("fr", null)).toEqual({ locale: "es", source: "advisor" });
  });

  it("names the file in ASCII", () => {
    expect(fileSlug("Familia Núñez & Peña")).toBe("familia-nunez-pena");
    expect(fileSlug("——")).toBe("client");
  });
});
