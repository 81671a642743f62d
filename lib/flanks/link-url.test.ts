import { describe, expect, it } from "vitest";
import { buildLinkUrl } from "./link-url";

describe("buildLinkUrl", () => {
  it("builds the real Link URL with every parameter", () => {
    const url = new URL(
      buildLinkUrl({
        linkUrl: "https://platform.flanks.io/link",
        linkToken: "LT",
        bank: "testbank",
        externalId: "client-42",
        rollback: true,
        extra: { invitation: "inv_1" },
      }),
    );
    expect(url.origin + url.pathname).toBe("https://platform.flanks.io/link");
    expect(Object.fromEntries(url.searchParams)).toEqual({ token: "LT", bank: "testbank", external_id: "client-42", rollback: "true", invitation: "inv_1" });
  });

  it("keeps a relative sandbox Link relative, with the re-authentication tokens", () => {
    expect(buildLinkUrl({ linkUrl: "/sandbox/link", linkToken: "sandbox-link", scaToken: "s1" })).toBe("/sandbox/link?token=sandbox-link&sca_token=s1");
    expect(buildLinkUrl({ linkUrl: "/sandbox/link", linkToken: "x", resetToken: "r 1" })).toBe("/sandbox/link?token=x&reset_token=r+1");
  });

  it("refuses an extra parameter that collides with a Link parameter", () => {
    expect(() => buildLinkUrl({ linkUrl: "/l", linkToken: "x", extra: { token: "other" } })).toThrow(/collides/);
  });
});
