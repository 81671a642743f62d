// GET|POST|PUT|DELETE /sandbox/… – the built-in Flanks sandbox (API, hosted Link, control), only in sandbox mode.
// This route only forwards: the sandbox runs beside the server (scripts/serve.ts's primary, or `npm run dev`'s
// launcher) and never inside its build, so a production-mode server has no sandbox code to reach
// (docs/decisions/044-sandbox-outside-the-build.md). Nothing under lib/sandbox may be imported here.
import "server-only";
import { getEnv } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "@/lib/security/peer-address-stamp";

export const dynamic = "force-dynamic";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** Headers of the upstream's answer that describe that connection or an encoding fetch has already undone. */
const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"];

/**
 * The sandbox lives once, beside the server processes: each process holding its own copy of the
 * state would issue tokens and link codes the others reject.
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
  if (!env.isSandboxMode) return json(404, { error: "Not found" });
  // `next start` or `next dev` run by hand: nothing serves the sandbox (npm start and npm run dev do).
  if (!env.SANDBOX_UPSTREAM) return json(503, { error: "The built-in Flanks sandbox is not running: start the app with npm start or npm run dev" });
  return forward(request, env.SANDBOX_UPSTREAM);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
