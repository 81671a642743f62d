// GET /api/clients/:clientId/connections – the client's connections and their extraction progress (read from the database).
import { NextResponse } from "next/server";
import { withUser } from "@/lib/api/with-user";
import { listClientConnections } from "@/lib/services/connections/list-client-connections";

export const GET = withUser<{ clientId: string }>(async ({ user, params }) => {
  return NextResponse.json({ connections: await listClientConnections(user, params.clientId) }, { headers: { "Cache-Control": "no-store" } });
});
