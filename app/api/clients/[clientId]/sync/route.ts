// GET /api/clients/:clientId/sync – progress of the latest sync of each of the client's connections; POST – the advisor's "refresh" (rate limited).
import { NextResponse } from "next/server";
import { jsonError } from "@/lib/api/json-error";
import { withUser } from "@/lib/api/with-user";
import { getSyncProgress, refreshClientData } from "@/lib/services/wealth/refresh-client-data";

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = withUser<{ clientId: string }>(async ({ user, params }) => {
  return NextResponse.json(await getSyncProgress(user, params.clientId), { headers: NO_STORE });
});

export const POST = withUser<{ clientId: string }>(async ({ request, user, params }) => {
  // A JSON content type cannot be sent cross-site without a CORS preflight (which we never grant), and the Origin must be ours.
  if (!request.headers.get("content-type")?.startsWith("application/json")) return jsonError(415, "UNSUPPORTED_MEDIA_TYPE", "Send application/json");
  const origin = request.headers.get("origin");
  // An Origin that is not a URL ("null" from a sandboxed frame, garbage) is not ours either.
  if (origin && (!URL.canParse(origin) || new URL(origin).host !== request.headers.get("host"))) return jsonError(403, "FORBIDDEN", "Cross-site request");
  const started = await refreshClientData(user, params.clientId);
  return NextResponse.json(started, { status: 202, headers: NO_STORE });
});
