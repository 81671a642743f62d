import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/errors/or-not-found";
import { getClient } from "@/lib/services/clients/get-client";

/**
 * Checks access before anything streams, so someone else's (or an unknown) client answers with
 * a real 404 status, not a 200 page that later shows "not found".
 */
export default async function ClientLayout({ children, params }: { children: ReactNode; params: Promise<{ clientId: string }> }) {
  const user = await requireUser();
  await orNotFound(getClient(user, (await params).clientId));
  return children;
}
