import "server-only";
import { assertAdmin, type TActor } from "@/lib/auth/authorization";
import { getFlanksClient } from "@/lib/flanks/get-flanks-client";

/** The banks Flanks offers, for the admin console; pages reach Flanks only through a service like this one. */
export async function listAvailableBanks(actor: TActor) {
  assertAdmin(actor);
  return getFlanksClient().getAvailableBanks();
}
