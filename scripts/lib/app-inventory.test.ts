import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACCESS_MATRIX, CALLERS, rowKey } from "../../e2e/access-matrix";
import { entryKey, exportedNames, listEntryPoints, routePathOf } from "./app-inventory";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(tsx?|jsx?)$/.test(name) ? [full] : [];
  });
}

describe("the access matrix covers every entry point of app/", () => {
  const inventory = listEntryPoints().map(entryKey).sort();
  const matrix = ACCESS_MATRIX.map(rowKey).sort();

  it("finds pages, route handlers and server actions", () => {
    expect(inventory).toContain("page /clients/[clientId]/details");
    expect(inventory).toContain("POST /api/clients/[clientId]/sync");
    expect(inventory).toContain("action app/admin/actions.ts#deleteClientAction");
    expect(inventory.filter((key) => key.startsWith("action ")).length).toBeGreaterThanOrEqual(17);
  });

  it("has a row for every page, handler and action, and none for one that does not exist", () => {
    const missing = inventory.filter((key) => !matrix.includes(key));
    const stale = matrix.filter((key) => !inventory.includes(key));
    expect(missing, "add these to e2e/access-matrix.ts with the expected outcome per caller").toEqual([]);
    expect(stale, "these no longer exist in app/").toEqual([]);
    expect(new Set(matrix).size).toBe(matrix.length);
  });

  it("writes down an outcome for each of the five callers in every row", () => {
    for (const row of ACCESS_MATRIX) expect(Object.keys(row.expect).sort(), rowKey(row)).toEqual([...CALLERS].sort());
  });

  it("no advisor-facing client page, client API or admin entry is open to anonymous or disabled callers", () => {
    const isPublic = (path: string) =>
      path === "/login" || path === "/api/health" || path.startsWith("/connect") || path.startsWith("/sandbox") || path.startsWith("/api/auth");
    for (const row of ACCESS_MATRIX) {
      if (row.kind === "action" && ["consentAction", "setLocaleAction"].includes(row.name)) continue;
      if (row.kind !== "action" && isPublic(row.path)) continue;
      expect(["login", "unauthenticated"], `${rowKey(row)} anonymous`).toContain(row.expect.anonymous);
      expect(["login", "unauthenticated"], `${rowKey(row)} disabled`).toContain(row.expect.disabled);
      // Creating a client or a household and one's own settings concern no existing client.
      const isAboutOneClient =
        row.kind === "action"
          ? !["createClientAction", "createHouseholdAction", "setBaseCurrencyAction", "setReviewThresholdsAction", "setConcentrationLimitAction"].includes(
              row.name,
            )
          : /\[(clientId|householdId)\]/.test(row.path) || row.path.startsWith("/admin");
      if (isAboutOneClient) expect(["notFound", "denied"], `${rowKey(row)} other advisor`).toContain(row.expect.other);
    }
  });

  it('server actions are declared only in whole "use server" files (the inventory\'s unit), never inline', () => {
    const inline = [...sourceFiles("app"), ...sourceFiles("components"), ...sourceFiles("lib")].filter((file) => {
      const source = readFileSync(file, "utf8");
      const directives = source.match(/["']use server["']/g)?.length ?? 0;
      const isFileLevel = /^\s*["']use server["']/.test(source);
      return directives > (isFileLevel ? 1 : 0);
    });
    expect(inline).toEqual([]);
  });
});

describe("inventory helpers", () => {
  it("drops route groups from paths", () => {
    expect(routePathOf("app/(advisor)/clients/[clientId]/page.tsx")).toBe("/clients/[clientId]");
    expect(routePathOf("app/page.tsx")).toBe("/");
  });
  it("reads every export form", () => {
    expect(
      exportedNames("export const a = 1;\nexport async function b() {}\nexport function c() {}\nexport { h as GET, h as POST, d };\nexport type T = 1;").sort(),
    ).toEqual(["GET", "POST", "a", "b", "c", "d"].sort());
  });
});
