import { request as httpRequest } from "node:http";
import { E2E_BASE_URL } from "../playwright.config";

export type TRawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * One HTTP request from a chosen loopback source address (127.0.0.2, 127.0.0.3…): the server sees
 * another TCP peer, so a test of per-address limits has addresses of its own and never uses up the
 * budget of 127.0.0.1, which every other test shares. Playwright's request context cannot bind one.
 */
export function requestFrom(
  localAddress: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<TRawResponse> {
  const url = new URL(path, E2E_BASE_URL);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: init.method ?? "GET",
        localAddress,
        headers: init.headers,
        agent: false,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(init.body);
  });
}

/** next-auth's CSRF pair (cookie and token), fetched from that address; one pair serves many sign-ins. */
export async function csrfFrom(localAddress: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await requestFrom(localAddress, "/api/auth/csrf");
  const setCookies = ([] as string[]).concat(response.headers["set-cookie"] ?? []);
  const cookie = setCookies.map((entry) => entry.split(";")[0]).join("; ");
  return { cookie, csrfToken: (JSON.parse(response.body) as { csrfToken: string }).csrfToken };
}

/** A sign-in through next-auth's credentials callback from that address; next-auth's error code, or null when signed in. */
export async function signInFrom(
  localAddress: string,
  csrf: { cookie: string; csrfToken: string },
  form: { email: string; password: string },
  headers: Record<string, string> = {},
): Promise<string | null> {
  const body = new URLSearchParams({ ...form, csrfToken: csrf.csrfToken, json: "true" }).toString();
  const response = await requestFrom(localAddress, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrf.cookie, ...headers },
    body,
  });
  const url = (JSON.parse(response.body || "{}") as { url?: string }).url;
  return url ? new URL(url, E2E_BASE_URL).searchParams.get("error") : `HTTP ${response.status}`;
}
