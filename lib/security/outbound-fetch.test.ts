import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFlanksClient } from "@/lib/flanks/client";

/**
 * "The app never fetches a URL that came from a user." Two halves:
 * 1. every `fetch(` in the code that ships is reviewed here, with where its URL comes from — a new
 *    one fails this test until it is reviewed;
 * 2. the one server-side client that fetches (lib/flanks) builds every URL from FLANKS_API_URL
 *    (parsed at start-up: https, or loopback) and a constant path; whatever a caller passes — tokens,
 *    codes, link tokens, which do come from requests — ends up in the body or the query string, never
 *    in the scheme, host or path.
 */
const REVIEWED_FETCHES: Record<string, string> = {
  "lib/flanks/http.ts": "the Flanks client: `${FLANKS_API_URL}/${constant path}` (checked below)",
  "app/sandbox/[...path]/route.ts":
    "sandbox mode only: forwards /sandbox/* to SANDBOX_UPSTREAM, the one sandbox of all server processes, set by scripts/serve.ts or scripts/start.ts --dev (parsed at start-up: https, or loopback) plus the request's own path",
  "lib/jobs/fx-rates-job.ts": "the exchange-rates job: FX_RATES_URL (configuration only, parsed at start-up: https, or loopback), never a URL from a request",
  "lib/jobs/demo-connections.ts": "the built-in sandbox's control endpoint: `${flanksApiUrl}/_control/credentials`, configuration only, sandbox mode only",
  "components/wealth/refresh-button-client.tsx": "browser code, same-origin relative `/api/clients/${clientId}/sync` (starts a sync)",
  "components/wealth/refresh-progress.tsx": "browser code, same-origin relative `/api/clients/${clientId}/sync` (polls its progress)",
  "components/auth/auth-client.ts": "browser code, same-origin relative next-auth endpoints `/api/auth/{csrf,callback/credentials,signout}`",
  "components/connections/connections-table.tsx": "browser code, same-origin relative `/api/clients/${clientId}/connections`",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" || name === "test" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("outbound requests", () => {
  it("every fetch in shipped code is one of the reviewed ones", () => {
    const found = ["app", "components", "lib", "proxy.ts"]
      .flatMap((root) => (statSync(root).isDirectory() ? sourceFiles(root) : [root]))
      .filter((file) =>
        /\bfetch\s*\(|new\s+XMLHttpRequest|from\s+["'](?:node:)?(?:https?|net|tls|undici)["']|require\(["'](?:node:)?(?:https?|net|tls)["']\)/.test(
          readFileSync(file, "utf8"),
        ),
      )
      // The sandbox is the imitation of Flanks that answers requests; it sends none.
      .filter((file) => !file.startsWith("lib/sandbox/"))
      .sort();
    expect(found).toEqual(Object.keys(REVIEWED_FETCHES).sort());
  });

  it("the Flanks client only ever calls FLANKS_API_URL, whatever the arguments", async () => {
    const urls: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
      urls.push(url.toString());
      if (url.pathname.endsWith("/v0/token"))
        return new Response(JSON.stringify({ access_token: "t", expires_in: 3600, token_type: "Bearer" }), {
          status: 200,
          headers: { "content-type": "application/json" },
        });
      return new Response(JSON.stringify({ error: "no" }), { status: 400, headers: { "content-type": "application/json" } });
    }) as typeof globalThis.fetch;
    const client = createFlanksClient({ apiUrl: "https://api.flanks.test/base", clientId: "id", clientSecret: "secret", fetch, retry: { maxAttempts: 1 } });
    const hostile = [
      "https://evil.example/steal",
      "//evil.example",
      "../../../admin",
      "?redirect=https://evil.example",
      "#frag",
      "%2F%2Fevil.example",
      "@evil.example",
    ];
    for (const [name, method] of Object.entries(client)) {
      if (typeof method !== "function") continue;
      for (const value of hostile) {
        try {
          await (method as (...args: unknown[]) => Promise<unknown>).call(client, value, value);
        } catch {
          // Refused by Flanks (the fake answers 400) or by the client itself: only the URL matters here.
        }
      }
      expect(urls.length, `${name} made a request`).toBeGreaterThan(0);
    }
    const outside = urls.filter((url) => {
      const parsed = new URL(url);
      return parsed.origin !== "https://api.flanks.test" || !/^\/base\/(v0\/[a-z/]+|\.well-known\/jwks\.json)$/.test(parsed.pathname);
    });
    expect(outside).toEqual([]);
  });
});
