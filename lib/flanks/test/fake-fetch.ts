/** A tiny in-process stand-in for fetch, for unit tests that need exact control over answers. */
export type TFakeRoute = (request: { method: string; path: string; url: URL; body: unknown; headers: Headers; call: number }) => Response | Promise<Response>;

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}

export function createFakeFetch(routes: Record<string, TFakeRoute>) {
  const calls: Array<{ method: string; path: string; body: unknown; headers: Headers }> = [];
  const counts = new Map<string, number>();
  const fetch: typeof globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const method = init?.method ?? "GET";
    const path = url.pathname.replace(/^\/api\//, "");
    const key = `${method} ${path}`;
    const headers = new Headers(init?.headers);
    const raw = typeof init?.body === "string" ? init.body : undefined;
    const body = raw && headers.get("content-type") === "application/json" ? JSON.parse(raw) : raw;
    calls.push({ method, path, body, headers });
    const call = (counts.get(key) ?? 0) + 1;
    counts.set(key, call);
    const route = routes[key];
    if (!route) return jsonResponse({ message: `no route ${key}` }, 404);
    init?.signal?.throwIfAborted();
    return route({ method, path, url, body, headers, call });
  }) as typeof globalThis.fetch;
  return { fetch, calls, count: (key: string) => counts.get(key) ?? 0 };
}

export const FAKE_API_URL = "http://flanks.test/api";
