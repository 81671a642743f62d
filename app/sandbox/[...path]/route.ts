// GET|POST|PUT|DELETE /sandbox/… – the built-in Flanks sandbox (API, hosted Link, control), only in sandbox mode.
import "server-only";
import { getEnv } from "@/lib/env";
import type { TSandbox } from "@/lib/sandbox/create-sandbox";
import { createSandboxFromEnv } from "@/lib/sandbox/sandbox-from-env";
import { PEER_ADDRESS_HEADER } from "@/lib/security/peer-address-stamp";

export const dynamic = "force-dynamic";

const globalForSandbox = globalThis as typeof globalThis & { patrimonioSandbox?: TSandbox };

/** One sandbox per process: its state (tokens, codes, sessions) must not split between module copies. */
function getSandbox(): TSandbox {
  globalForSandbox.patrimonioSandbox ??= createSandboxFromEnv(getEnv());
  return globalForSandbox.patrimonioSandbox;
}

/** Headers of the upstream's answer that describe that connection or an encoding fetch has already undone. */
const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"];

/**
 * With several server processes (scripts/serve.ts), the sandbox lives once, in the primary: each
 * process holding its own copy of the state would issue tokens and link codes the others reject.
 */
async function forward(request: Request, upstream: string): Promise<Response> {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  headers.delete("host");
  // The peer stamp carries this process's secret: it stays in this process.
  headers.delete(PEER_ADDRESS_HEADER);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const answer = await fetch(`${upstream}${url.pathname}${url.search}`, {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    redirect: "manual",
    signal: request.signal,
  });
  const out = new Headers(answer.headers);
  for (const name of HOP_BY_HOP) out.delete(name);
  return new Response(answer.body, { status: answer.status, headers: out });
}

async function handle(request: Request): Promise<Response> {
  const env = getEnv();
  if (!env.isSandboxMode) {
    return new Response(JSON.stringify({ error: "Not found" }), { status: 404, headers: { "content-type": "application/json" } });
  }
  return env.SANDBOX_UPSTREAM ? forward(request, env.SANDBOX_UPSTREAM) : getSandbox().handle(request);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
