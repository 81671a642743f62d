// GET /api/clients – the signed-in user's clients (an admin's: everyone's), searched, sorted and paged.
import { NextResponse } from "next/server";
import { withUser } from "@/lib/api/with-user";
import { ZClientListQuerySchema } from "@/lib/services/clients/client-schemas";
import { listClients } from "@/lib/services/clients/list-clients";

export const GET = withUser(async ({ request, user }) => {
  const query = ZClientListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listClients(user, query), { headers: { "Cache-Control": "no-store" } });
});
