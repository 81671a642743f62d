import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

/** `from "x"`, `import "x"`, `import("x")`, `export … from "x"`: type-only imports included (harmless, and simpler to read). */
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

/** A specifier of this repository (`@/…` or relative) as a file path from the root; packages → undefined. */
function resolveLocal(root: string, fromFile: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? join(dirname(join(root, fromFile)), specifier)
      : undefined;
  if (base === undefined) return undefined;
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  }
  return undefined;
}

function sourcesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(root, path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** What the Next build bundles: everything app/, proxy.ts and instrumentation.ts import, transitively (a file → who imported it first). */
export function serverImportGraph(root = process.cwd()): Map<string, string> {
  const entries = [...sourcesUnder(root, "app"), ...["proxy.ts", "instrumentation.ts"].filter((file) => existsSync(join(root, file)))];
  const reachedFrom = new Map<string, string>(entries.map((file) => [file, "(entry)"]));
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const match of readFileSync(join(root, file), "utf8").matchAll(SPECIFIERS)) {
      const target = resolveLocal(root, file, match[1]!);
      if (target === undefined || reachedFrom.has(target)) continue;
      reachedFrom.set(target, file);
      queue.push(target);
    }
  }
  return reachedFrom;
}
