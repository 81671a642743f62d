// GET /api/clients/:clientId – one client, 404 unless it is the user's own (or the user is an admin).
import { NextResponse } from "next/server";
import { withUser } from "@/lib/api/with-user";
import { getClient } from "@/lib/services/clients/get-client";

export const GET = withUser<{ clientId: string }>(async ({ user, params }) => {
  return NextResponse.json(await getClient(user, params.clientId), { headers: { "Cache-Control": "no-store" } });
});
