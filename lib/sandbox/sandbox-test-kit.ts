// Test helpers: a sandbox on a temp state file with a hand-driven clock, called in-process.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSandbox, type TSandbox, type TSandboxOptions } from "./create-sandbox";

export const ORIGIN = "http://127.0.0.1:3999";
export const START = Date.parse("2025-06-30T10:00:00Z");

export type TKit = {
  sandbox: TSandbox;
  options: TSandboxOptions;
  advance(ms: number): void;
  call(
    method: string,
    path: string,
    body?: unknown,
    init?: { token?: string | null; headers?: Record<string, string>; raw?: string; signal?: AbortSignal },
  ): Promise<Response>;
  token(): Promise<string>;
  /** Creates credentials through the control endpoint and exchanges the code: returns the credentials_token. */
  connect(password?: string, username?: string, extra?: Record<string, string>): Promise<string>;
  form(fields: Record<string, string>): Promise<Response>;
};

export function makeKit(overrides: Partial<TSandboxOptions> = {}, stateFile?: string): TKit {
  let now = START;
  const options: TSandboxOptions = {
    stateFile: stateFile ?? join(mkdtempSync(join(tmpdir(), "sandbox-test-")), "nested", "state.json"),
    clientId: "client-id",
    clientSecret: "client-secret",
    linkToken: "link-token",
    linkRedirectUri: "/connect/callback",
    basePath: "/sandbox",
    now: () => now,
    ...overrides,
  };
  const sandbox = createSandbox(options);
  let currentToken: string | null = null;
  const kit: TKit = {
    sandbox,
    options,
    advance: (ms) => {
      now += ms;
    },
    async call(method, path, body, init = {}) {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      const token = init.token === undefined ? currentToken : init.token;
      if (token) headers.authorization = `Bearer ${token}`;
      let payload: string | undefined = init.raw;
      if (payload === undefined && body !== undefined) {
        payload = JSON.stringify(body);
        headers["content-type"] ??= "application/json";
      }
      return sandbox.handle(new Request(`${ORIGIN}/sandbox/${path}`, { method, headers, body: payload, signal: init.signal }));
    },
    async token() {
      const response = await kit.call("POST", "v0/token", { client_id: "client-id", client_secret: "client-secret", grant_type: "client_credentials" });
      const body = (await response.json()) as { access_token: string };
      currentToken = body.access_token;
      return currentToken;
    },
    async connect(password = "healthy", username = `user-${Math.random().toString(36).slice(2)}`, extra = {}) {
      if (!currentToken) await kit.token();
      const created = await kit.call("POST", "_control/credentials", { bank: "testbank", username, password, extra });
      const { code } = (await created.json()) as { code: string };
      let exchanged = await kit.call("POST", "v0/platform/link", { code });
      if (exchanged.status === 202) exchanged = await kit.call("POST", "v0/platform/link", { code });
      const body = (await exchanged.json()) as { credentials_token: string };
      return body.credentials_token;
    },
    form(fields) {
      return sandbox.handle(
        new Request(`${ORIGIN}/sandbox/link`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(fields).toString(),
        }),
      );
    },
  };
  return kit;
}
