import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./same-origin-path";

const ORIGIN = "https://wealth.example.com";

describe("sameOriginPath (where sign-in goes next)", () => {
  it.each([
    ["/clients", "/clients"],
    ["/clients/abc?tab=overview#top", "/clients/abc?tab=overview#top"],
    ["/admin/users", "/admin/users"],
    [`${ORIGIN}/inbox`, "/inbox"],
    ["/%5Cevil.example", "/%5Cevil.example"], // a literal, encoded backslash stays a path on this site
  ])("keeps a path on this site: %j", (candidate, expected) => {
    expect(sameOriginPath(candidate, ORIGIN)).toBe(expected);
  });

  it.each([
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\t//evil.example",
    "//evil.example",
    "///evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "https://evil.example/clients",
    "http://wealth.example.com/clients", // same host, another scheme: another origin
    "https://wealth.example.com.evil.example/",
    "https://wealth.example.com@evil.example/",
    "//wealth.example.com@evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http:evil.example",
    "https:\\\\evil.example",
    "",
  ])("refuses anything that leaves the site: %j", (candidate) => {
    expect(sameOriginPath(candidate, ORIGIN)).toBe("/");
  });

  it("reads a path that is only encoded slashes as a path, not a host", () => {
    // The browser does not decode %2F into a separator: this stays on the site.
    expect(sameOriginPath("/%2F%2Fevil.example", ORIGIN)).toBe("/%2F%2Fevil.example");
  });

  it("falls back when nothing usable is given", () => {
    expect(sameOriginPath(undefined, ORIGIN)).toBe("/");
    expect(sameOriginPath(null, ORIGIN, "/clients")).toBe("/clients");
  });
});
