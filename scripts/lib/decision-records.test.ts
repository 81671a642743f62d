import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIR = path.join(process.cwd(), "docs/decisions");
const records = readdirSync(DIR).filter((name) => name.endsWith(".md"));

describe("decision records", () => {
  it("are numbered once each", () => {
    const numbers = records.map((name) => name.slice(0, 3));
    expect(records.every((name) => /^\d{3}-[a-z0-9-]+\.md$/.test(name))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it.each(records)("%s opens with its number, then a date and a status line", (name) => {
    const [title, blank, dateLine] = readFileSync(path.join(DIR, name), "utf8").split("\n");
    expect(title).toMatch(new RegExp(`^# ${name.slice(0, 3)}: `));
    expect(blank).toBe("");
    expect(dateLine).toMatch(/^Date: \d{4}-\d{2}-\d{2} · Status: (proposed|accepted|superseded by \d{3})/);
  });

  it("a superseded record names a record that exists and says so", () => {
    for (const name of records) {
      const superseder = /Status: superseded by (\d{3})/.exec(readFileSync(path.join(DIR, name), "utf8"))?.[1];
      if (!superseder) continue;
      const successor = records.find((other) => other.startsWith(`${superseder}-`));
      expect(successor, `${name} → ${superseder}`).toBeDefined();
      expect(readFileSync(path.join(DIR, successor!), "utf8")).toContain(`supersedes ${name.slice(0, 3)}`);
    }
  });
});
