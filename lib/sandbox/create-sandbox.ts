// The Flanks sandbox as one web-standard handler (Request → Response), mountable in Next.js and
// servable by node:http in tests. See docs/sandbox.md.
import { API_ROUTES } from "./api-handlers";
import { handleControl } from "./control-handlers";
import { sleep, takeFaults } from "./faults";
import { errorJson, json } from "./http";
import { sandboxFxXml } from "./fx-rates";
import { createJweKeys } from "./jwe-keys";
import { openLink, submitLink } from "./link-flow";
import type { TSandboxContext } from "./sandbox-context";
import { capPageSize, isNotFound, reshapeAnswer, touchesPath } from "./shape-faults";
import { openStore } from "./state";

export type TSandboxOptions = {
  stateFile: string;
  clientId: string;
  clientSecret: string;
  linkToken: string;
  linkRedirectUri: string;
  basePath: string;
  tokenTtlSeconds?: number;
  /**
   * Prepended to every credentials_token and access token issued (letters, digits, `-`, `_`), so a
   * test can search any output for it (the secret canaries of e2e/secret-canaries.exclusive.spec.ts).
   */
  tokenPrefix?: string;
  now?: () => number;
};
export type TSandbox = { handle(request: Request): Promise<Response> };

/** The ECB's euro reference rates files the sandbox imitates (lib/sandbox/fx-rates.ts). */
const FX_FILES: Record<string, "daily" | "hist-90d"> = { "fx/eurofxref-daily.xml": "daily", "fx/eurofxref-hist-90d.xml": "hist-90d" };

const HANG_LIMIT_MS = 5 * 60 * 1000;

function checkedTokenPrefix(prefix: string): string {
  if (!/^[A-Za-z0-9_-]{0,64}$/.test(prefix)) throw new Error("Sandbox tokenPrefix: up to 64 letters, digits, '-' or '_'");
  return prefix;
}

export function createSandbox(options: TSandboxOptions): TSandbox {
  const store = openStore(options.stateFile);
  const clock = options.now ?? Date.now;
  const basePath = `/${options.basePath.replace(/^\/+|\/+$/g, "")}`.replace(/^\/$/, "");
  const ctx: TSandboxContext = {
    options: {
      stateFile: options.stateFile,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      linkToken: options.linkToken,
      linkRedirectUri: options.linkRedirectUri,
      basePath,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
      tokenPrefix: checkedTokenPrefix(options.tokenPrefix ?? ""),
    },
    store,
    keys: createJweKeys(store),
    now: () => clock() + store.state.clockOffsetMs,
    counters: new Map(),
  };

  function checkBearer(request: Request): Response | null {
    const header = request.headers.get("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    const unauthorized = (error: string): Response => json(401, { error }, { "www-authenticate": `Bearer error="invalid_token"` });
    if (!match) return unauthorized("Missing bearer token");
    const current = store.state.accessToken;
    if (!current || current.value !== match[1]) return unauthorized("Invalid or revoked token");
    if (ctx.now() >= current.expiresAt) return unauthorized("Token expired");
    return null;
  }

  async function route(request: Request, url: URL, path: string, method: string): Promise<Response> {
    if (path === "link") {
      if (method === "GET") return openLink(ctx, url);
      if (method === "POST") return submitLink(ctx, request);
      return errorJson(405, "Method not allowed");
    }
    if (path === ".well-known/jwks.json") {
      if (method !== "GET") return errorJson(405, "Method not allowed");
      return json(200, await ctx.keys.jwks(), { "cache-control": "public, max-age=300" });
    }
    const fxFile = FX_FILES[path];
    if (fxFile) {
      if (method !== "GET") return errorJson(405, "Method not allowed");
      return new Response(sandboxFxXml(ctx.now(), fxFile), { status: 200, headers: { "content-type": "text/xml; charset=utf-8" } });
    }
    const routes = API_ROUTES[path];
    if (!routes) return errorJson(404, "Not found");
    const handler = routes[method];
    if (!handler) return errorJson(405, "Method not allowed");
    if (path !== "v0/token") {
      const denied = checkBearer(request);
      if (denied) return denied;
    }
    return handler(ctx, request, url);
  }

  /** A route under a shape fault of shape-faults.ts: 404, a capped page size, or its JSON answer reshaped. */
  async function routeReshaped(request: Request, url: URL, path: string, method: string): Promise<Response> {
    const faults = store.state.shapeFaults;
    if (isNotFound(faults, path)) {
      const denied = checkBearer(request);
      return denied ?? errorJson(404, "Not found");
    }
    capPageSize(faults, url);
    const response = await route(request, url, path, method);
    if (response.status !== 200) return response;
    const body = reshapeAnswer(faults, path, (await response.json()) as unknown);
    return json(200, body, Object.fromEntries([...response.headers.entries()].filter(([name]) => name !== "content-type" && name !== "content-length")));
  }

  return {
    async handle(request) {
      try {
        const url = new URL(request.url);
        const method = request.method.toUpperCase();
        if (basePath && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return errorJson(404, "Not found");
        const path = url.pathname.slice(basePath.length).replace(/^\/+|\/+$/g, "");
        if (path === "_control" || path.startsWith("_control/")) return await handleControl(ctx, request, path);

        const key = `${method} ${path}`;
        ctx.counters.set(key, (ctx.counters.get(key) ?? 0) + 1);

        const { effect, changed } = takeFaults(store.state.faults, method, path);
        if (changed) store.save();
        if (effect) {
          if (effect.hang) {
            // Never answers until the client gives up (or five minutes pass).
            await sleep(HANG_LIMIT_MS, request.signal);
            return errorJson(504, "Sandbox fault: request hung");
          }
          if (effect.latencyMs > 0) await sleep(effect.latencyMs, request.signal);
          if (effect.status !== null) {
            const headers: Record<string, string> = effect.retryAfterSeconds !== null ? { "retry-after": String(effect.retryAfterSeconds) } : {};
            return json(effect.status, { error: effect.status === 429 ? "Too many requests" : "Service unavailable", sandbox_fault: true }, headers);
          }
        }
        const shapeFaults = store.state.shapeFaults;
        if (shapeFaults.length === 0 || !touchesPath(shapeFaults, path)) return await route(request, url, path, method);
        return await routeReshaped(request, url, path, method);
      } catch (error) {
        // Never a stack trace out; warn (not error) so a test's console guard shows it without failing on it.
        console.warn("sandbox: unexpected error", error);
        return errorJson(500, "Internal sandbox error");
      }
    },
  };
}
