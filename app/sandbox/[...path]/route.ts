// GET|POST|PUT|DELETE /sandbox/… – the built-in Flanks sandbox (API, hosted Link, control), only in sandbox mode.
import "server-only";
import { join } from "node:path";
import { getEnv } from "@/lib/env";
import { createSandbox, type TSandbox } from "@/lib/sandbox/create-sandbox";

export const dynamic = "force-dynamic";

const globalForSandbox = globalThis as typeof globalThis & { patrimonioSandbox?: TSandbox };

/** One sandbox per process: its state (tokens, codes, sessions) must not split between module copies. */
function getSandbox(): TSandbox {
  if (!globalForSandbox.patrimonioSandbox) {
    const env = getEnv();
    globalForSandbox.patrimonioSandbox = createSandbox({
      stateFile: join(env.DATA_DIR, "sandbox-state.json"),
      clientId: env.flanksClientId,
      clientSecret: env.flanksClientSecret,
      linkToken: env.flanksLinkToken,
      linkRedirectUri: "/connect/callback",
      basePath: "/sandbox",
      ...(env.SANDBOX_TOKEN_PREFIX ? { tokenPrefix: env.SANDBOX_TOKEN_PREFIX } : {}),
    });
  }
  return globalForSandbox.patrimonioSandbox;
}

async function handle(request: Request): Promise<Response> {
  if (!getEnv().isSandboxMode) {
    return new Response(JSON.stringify({ error: "Not found" }), { status: 404, headers: { "content-type": "application/json" } });
  }
  return getSandbox().handle(request);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
