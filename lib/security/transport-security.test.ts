import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

/* HSTS from the proxy (proxy.ts): only when the site is served over https, never on a caller's word. */
const current = { env: {} as Record<string, unknown> };
vi.mock("@/lib/config/load-env", () => ({ loadEnv: () => current.env }));
const { proxy } = await import("../../proxy");

const baseEnv = { NODE_ENV: "production", nextAuthSecret: "s".repeat(43), flanksLinkUrl: "/sandbox/link", TRUSTED_PROXY_HOPS: 0, isPublicUrlHttps: false };

async function hstsOf(headers: Record<string, string> = {}, path = "/login"): Promise<string | null> {
  const response = await proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { headers }));
  return response.headers.get("strict-transport-security");
}

beforeEach(() => {
  current.env = { ...baseEnv };
});

describe("Strict-Transport-Security", () => {
  it("is sent when the public URL (NEXTAUTH_URL) is https, on pages and on the sign-in redirect", async () => {
    current.env = { ...baseEnv, isPublicUrlHttps: true };
    expect(await hstsOf()).toBe("max-age=31536000; includeSubDomains");
    expect(await hstsOf({}, "/clients")).toBe("max-age=31536000; includeSubDomains");
  });

  it("is sent behind a trusted proxy that says the request came over https", async () => {
    current.env = { ...baseEnv, TRUSTED_PROXY_HOPS: 1 };
    expect(await hstsOf({ "x-forwarded-proto": "https" })).toBe("max-age=31536000; includeSubDomains");
    expect(await hstsOf({ "x-forwarded-proto": "http" })).toBeNull();
  });

  it("is not sent over plain http, even when the caller writes X-Forwarded-Proto: https itself", async () => {
    expect(await hstsOf()).toBeNull();
    expect(await hstsOf({ "x-forwarded-proto": "https" })).toBeNull();
  });
});
