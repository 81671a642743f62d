import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { interpolate, MESSAGES, placeholdersOf } from "./index";

/** Every string of a message tree with its dotted path (arrays by index). */
function leaves(tree: unknown, path = ""): [string, string][] {
  if (typeof tree === "string") return [[path, tree]];
  if (tree && typeof tree === "object") return Object.entries(tree).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  return [];
}

const sorted = (names: string[]) => [...new Set(names)].sort();

describe("message placeholders", () => {
  it("are the same in Spanish and English for every key", () => {
    const spanish = new Map(leaves(MESSAGES.es));
    const mismatched = leaves(MESSAGES.en)
      .filter(([path, english]) => spanish.has(path) && sorted(placeholdersOf(english)).join() !== sorted(placeholdersOf(spanish.get(path)!)).join())
      .map(([path]) => path);
    expect(mismatched).toEqual([]);
  });

  it("are filled by interpolate, once each and not re-read from the values", () => {
    expect(interpolate("{bank}: {date} ({bank})", { bank: "{date}", date: "1 jul" })).toBe("{date}: 1 jul ({date})");
  });

  it("left without a value are reported, which fails the test that reaches the call", () => {
    const report = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(interpolate("Conectado a {bank} el {date}", { bank: "Banco" })).toBe("Conectado a Banco el {date}");
    expect(report).toHaveBeenCalledWith('Message placeholder {date} left unfilled in "Conectado a {bank} el {date}"');
  });
});

/** The text of the call's arguments after `interpolate(`, up to its closing parenthesis. */
function argumentsAt(source: string, start: number): string {
  let depth = 1;
  for (let i = start; i < source.length; i++) {
    const char = source[i];
    if (char === "(" || char === "{" || char === "[") depth++;
    else if (char === ")" || char === "}" || char === "]") depth--;
    if (depth === 0) return source.slice(start, i);
  }
  return source.slice(start);
}

/** Top-level pieces of `text` split at `separator` (commas inside calls and objects stay). */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "(" || char === "{" || char === "[") depth++;
    else if (char === ")" || char === "}" || char === "]") depth--;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return [...parts, text.slice(from)].map((part) => part.trim()).filter(Boolean);
}

/**
 * interpolate calls whose template is a message key (`t.x.y`, `l.count`) and whose values are an
 * object literal; `key` is the message's full path, or ".the.end.of.it" after an alias.
 */
function interpolateCalls(source: string): { key: string; names: string[]; call: string }[] {
  return [...source.matchAll(/\binterpolate\(/g)].flatMap((match) => {
    const args = argumentsAt(source, match.index + match[0].length);
    const [template = "", values = ""] = splitTopLevel(args, ",");
    // `t.common.page` names its full path; an alias (`l.count`, `labels.refresh.failed`) only its end.
    const segments = /^\w+(\.\w+)+$/.test(template) ? template.split(".") : [];
    const key = segments[0] === "t" ? segments.slice(1).join(".") : `.${segments.slice(1).join(".")}`;
    if (segments.length < 2 || !values.startsWith("{")) return [];
    const names = splitTopLevel(values.slice(1, -1), ",").map((entry) => /^(\w+)/.exec(entry)?.[1] ?? "");
    return [{ key, names, call: `interpolate(${args.replace(/\s+/g, " ")})` }];
  });
}

describe("the code's interpolate calls", () => {
  const sources = execFileSync("git", ["ls-files", "app", "components", "lib"], { encoding: "utf8" })
    .split("\n")
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".test.ts"));
  const calls = sources.flatMap((file) => interpolateCalls(readFileSync(file, "utf8")).map((call) => ({ ...call, file })));
  // Messages with placeholders only: interpolating one without any would be pointless. After an
  // alias the end of a path may fit several messages; the call must fill one of them entirely.
  const templates = leaves(MESSAGES.en).filter(([, text]) => placeholdersOf(text).length > 0);
  const candidatesOf = (key: string) =>
    templates.filter(([path]) => (key.startsWith(".") ? `.${path}`.endsWith(key) : path === key)).map(([, text]) => placeholdersOf(text));

  it("are found (the scan reads the code)", () => {
    expect(calls.length).toBeGreaterThan(40);
  });

  it("fill every placeholder of their message", () => {
    const unfilled = calls
      .filter(({ key, names }) => !candidatesOf(key).some((placeholders) => placeholders.every((name) => names.includes(name))))
      .map(({ file, call }) => `${file}: ${call}`);
    expect(unfilled).toEqual([]);
  });
});
