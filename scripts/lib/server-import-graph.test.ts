import { describe, expect, it } from "vitest";
import { serverImportGraph } from "./server-import-graph";

/**
 * The sandbox runs beside the server, never inside its build (docs/decisions/044): no module the
 * Next build bundles imports lib/sandbox. The build-output spec (e2e/sandbox-outside-the-build.spec.ts)
 * proves the same on .next/server; this says it before any build, and names the importer.
 */
describe("the server's import graph", () => {
  const graph = serverImportGraph();

  it("is read from app/, proxy.ts and instrumentation.ts down through lib/", () => {
    expect(graph.get("app/sandbox/[...path]/route.ts")).toBe("(entry)");
    expect(graph.has("lib/env.ts")).toBe(true);
    expect(graph.has("lib/security/peer-address-stamp.ts")).toBe(true); // instrumentation's dynamic import
  });

  it("reaches no module of lib/sandbox", () => {
    const sandboxModules = [...graph].filter(([file]) => file.startsWith("lib/sandbox/")).map(([file, importer]) => `${file} ← ${importer}`);
    expect(sandboxModules).toEqual([]);
  });
});
