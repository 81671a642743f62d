import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Strings found only in the sandbox's code (lib/sandbox): the fields it adds to the answers it
 * invents (`sandbox_note`, `sandbox_fault`) and the file its state lives in. They survive
 * minification, so they find sandbox code in a build even without source maps.
 */
export const SANDBOX_CODE_MARKERS = ["sandbox_note", "sandbox_fault", "sandbox-state.json"] as const;

/** How a source map names a file of the sandbox (its `sources` are relative paths). */
const SANDBOX_SOURCE = /(^|\/)lib\/sandbox\//;

export type TSandboxInBuild = {
  /** JavaScript files read, and source maps read: zero of either means nothing was checked. */
  scripts: number;
  sourceMaps: number;
  /** Every source file the maps name, relative to the repository (e.g. "app/sandbox/%5B...path%5D/route.ts"). */
  sources: Set<string>;
  /** `<file>: <why>` for each piece of sandbox code found. */
  findings: string[];
};

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Searches a server build (`.next/server`) for the sandbox's modules: by the source maps' file names, and by marker strings. */
export function findSandboxInBuild(serverDir: string): TSandboxInBuild {
  const result: TSandboxInBuild = { scripts: 0, sourceMaps: 0, sources: new Set(), findings: [] };
  for (const file of filesUnder(serverDir)) {
    const name = relative(serverDir, file);
    if (file.endsWith(".js.map")) {
      result.sourceMaps++;
      const sources = (JSON.parse(readFileSync(file, "utf8")) as { sources?: unknown }).sources;
      for (const source of Array.isArray(sources) ? sources : []) {
        if (typeof source !== "string") continue;
        const path = source.replace(/^(\.\.\/)+/, "");
        result.sources.add(path);
        if (SANDBOX_SOURCE.test(path)) result.findings.push(`${name}: maps ${path}`);
      }
    } else if (file.endsWith(".js")) {
      result.scripts++;
      const text = readFileSync(file, "utf8");
      for (const marker of SANDBOX_CODE_MARKERS) if (text.includes(marker)) result.findings.push(`${name}: contains "${marker}"`);
    }
  }
  return result;
}
