import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { toEcbRatesXml } from "@/lib/fx/ecb-xml";
import { createTestDatabase, type TTestDatabase } from "@/lib/sync/test/test-database";

const current: { db?: PrismaClient } = {};
const logged: string[] = [];
vi.mock("@/lib/db", () => ({ getDb: () => current.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ fxRatesUrl: "http://127.0.0.1:9/fx.xml", isSandboxMode: false }) }));
vi.mock("@/lib/log/log-error", () => ({ logError: (context: string) => logged.push(context) }));
const { refreshFxRates } = await import("./fx-rates-job");

let database: TTestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  current.db = database.db;
}, 60_000);
afterAll(async () => database?.close());

const xmlAnswer = (body: string, status = 200) =>
  (async () => new Response(body, { status, headers: { "content-type": "text/xml" } })) as unknown as typeof fetch;
const stored = () =>
  database.db.fxRate.findMany({ orderBy: [{ day: "asc" }, { currency: "asc" }], select: { day: true, currency: true, perEuro: true, source: true } });

describe("refreshFxRates", () => {
  it("stores each day's rates as the exact text, adds new days, replaces a corrected rate, keeps the rest", async () => {
    const first = toEcbRatesXml([
      {
        day: "2026-12-04",
        rates: [
          { currency: "USD", perEuro: "1.0823" },
          { currency: "JPY", perEuro: "161.25" },
        ],
      },
      { day: "2026-12-03", rates: [{ currency: "USD", perEuro: "1.0800" }] },
    ]);
    expect(await refreshFxRates(xmlAnswer(first))).toBe(3);
    expect(await refreshFxRates(xmlAnswer(first))).toBe(0);
    const corrected = toEcbRatesXml([{ day: "2026-12-04", rates: [{ currency: "USD", perEuro: "1.0825" }] }]);
    expect(await refreshFxRates(xmlAnswer(corrected))).toBe(1);
    expect(await stored()).toEqual([
      { day: "2026-12-03", currency: "USD", perEuro: "1.0800", source: "ECB" },
      { day: "2026-12-04", currency: "JPY", perEuro: "161.25", source: "ECB" },
      { day: "2026-12-04", currency: "USD", perEuro: "1.0825", source: "ECB" },
    ]);
  });

  it("keeps the last known rates when the source is unreachable, answers 5xx or sends something else", async () => {
    const before = await stored();
    const unreachable = (async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    for (const fetcher of [unreachable, xmlAnswer("Service Unavailable", 503), xmlAnswer("<html>maintenance</html>")]) {
      expect(await refreshFxRates(fetcher)).toBe(0);
    }
    expect(await stored()).toEqual(before);
    expect(logged).toHaveLength(3);
    expect(logged[0]).toMatch(/last stored rates stay in use/);
  });
});
