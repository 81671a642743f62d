import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findSandboxInBuild } from "./find-sandbox-in-build";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A server build's shape: chunks with their source maps (paths relative to the map, as Turbopack writes them). */
function build(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), "server-build-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const map = (...sources: string[]) => JSON.stringify({ version: 3, sources, mappings: "" });

describe("findSandboxInBuild", () => {
  it("finds nothing in a build without the sandbox, and says what it read", () => {
    const found = findSandboxInBuild(
      build({
        "chunks/a.js": "module.exports={error:'Not found'}",
        "chunks/a.js.map": map("../../../app/sandbox/%5B...path%5D/route.ts", "../../../lib/env.ts"),
      }),
    );
    expect(found).toMatchObject({ scripts: 1, sourceMaps: 1, findings: [] });
    expect([...found.sources]).toEqual(["app/sandbox/%5B...path%5D/route.ts", "lib/env.ts"]);
  });

  it("names a chunk whose source map lists a module of lib/sandbox", () => {
    const found = findSandboxInBuild(build({ "app/x/route.js": "", "chunks/b.js.map": map("../../../lib/env.ts", "../../../lib/sandbox/create-sandbox.ts") }));
    expect(found.findings).toEqual(["chunks/b.js.map: maps lib/sandbox/create-sandbox.ts"]);
  });

  it("names a chunk holding a string only the sandbox writes, source maps or not", () => {
    const found = findSandboxInBuild(build({ "chunks/c.js": 'let n={sandbox_note:"x"},f={sandbox_fault:!0}' }));
    expect(found.findings).toEqual(['chunks/c.js: contains "sandbox_note"', 'chunks/c.js: contains "sandbox_fault"']);
  });
});
