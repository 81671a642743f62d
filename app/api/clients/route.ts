// GET /api/clients – the signed-in user's clients (an admin's: everyone's), searched, sorted and paged (400 on a bad parameter).
import { NextResponse } from "next/server";
import { withUser } from "@/lib/api/with-user";
import { ZClientListApiQuerySchema } from "@/lib/services/clients/client-schemas";
import { listClients } from "@/lib/services/clients/list-clients";

export const GET = withUser(async ({ request, user }) => {
  const query = ZClientListApiQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listClients(user, query), { headers: { "Cache-Control": "no-store" } });
});
