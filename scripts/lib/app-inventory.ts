import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * Every entry point of the app, read from the `app/` tree: pages (`page.tsx`), route handlers
 * (`route.ts`, one entry per exported HTTP method) and server actions (the exported functions of
 * files that start with "use server"). The access matrix (e2e/access-matrix.ts) must list exactly
 * these; scripts/lib/app-inventory.test.ts fails when one is added without its row.
 */
export type TEntryPoint =
  { kind: "page"; file: string; path: string } | { kind: "route"; file: string; path: string; method: string } | { kind: "action"; file: string; name: string };

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** `app/(advisor)/clients/[clientId]/page.tsx` → `/clients/[clientId]` (route groups dropped). */
export function routePathOf(file: string): string {
  const segments = file
    .split("/")
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
  return `/${segments.join("/")}`;
}

/** Export names of a module's source: `export const X`, `export (async) function X`, `export { a as X, b }`. */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/^export\s+(?:const|let|var|(?:async\s+)?function\*?)\s+([A-Za-z_$][\w$]*)/gm)) names.add(match[1]!);
  for (const match of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of match[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name && !name.startsWith("type ")) names.add(name);
    }
  }
  return [...names];
}

function isUseServerFile(source: string): boolean {
  return /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source);
}

export function listEntryPoints(root = process.cwd()): TEntryPoint[] {
  const appDir = join(root, "app");
  const entries: TEntryPoint[] = [];
  for (const full of walk(appDir).sort()) {
    const file = relative(root, full).split(sep).join("/");
    if (!/\.(tsx?|jsx?)$/.test(file)) continue;
    const base = file.split("/").pop()!;
    const source = readFileSync(full, "utf8");
    if (/^page\.(tsx|jsx|ts|js)$/.test(base)) entries.push({ kind: "page", file, path: routePathOf(file) });
    else if (/^route\.(ts|js)$/.test(base)) {
      const names = exportedNames(source);
      for (const method of HTTP_METHODS.filter((m) => names.includes(m))) entries.push({ kind: "route", file, path: routePathOf(file), method });
    }
    if (isUseServerFile(source)) {
      for (const name of exportedNames(source)) entries.push({ kind: "action", file, name });
    }
  }
  return entries;
}

export function entryKey(entry: TEntryPoint): string {
  if (entry.kind === "page") return `page ${entry.path}`;
  if (entry.kind === "route") return `${entry.method} ${entry.path}`;
  return `action ${entry.file}#${entry.name}`;
}
