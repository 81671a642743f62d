import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listEntryPoints } from "@/scripts/lib/app-inventory";

// The sandbox stands in for Flanks' own pages (English, like Flanks'); every page of the app itself
// takes its title from the message files, in the reader's language.
const appPages = listEntryPoints().filter((entry) => entry.kind === "page" && !entry.file.startsWith("app/sandbox/"));
/** Pages that only redirect: nothing is ever shown under their title. */
const REDIRECT_ONLY = ["app/admin/page.tsx", "app/page.tsx"];

describe("page titles", () => {
  it("come from the message files, never a fixed string", () => {
    const fixed = appPages.filter((page) => /export const metadata\b[^;]*\btitle\s*:/.test(readFileSync(page.file, "utf8"))).map((page) => page.file);
    expect(fixed).toEqual([]);
  });

  it("are set on every page through pageTitle", () => {
    const without = appPages
      .filter((page) => !REDIRECT_ONLY.includes(page.file) && !/export const generateMetadata = pageTitle\(/.test(readFileSync(page.file, "utf8")))
      .map((page) => page.file);
    expect(without).toEqual([]);
  });
});
