import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/authorization";
import type { TSessionUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { isFlanksError } from "@/lib/flanks/errors";
import { getFlanksClient } from "@/lib/flanks/get-flanks-client";
import { findUnknownCredentials } from "./admin-connections";

/** DELETE v0/bank/credentials for credentials Flanks lists and no connection of ours holds. */
export async function deleteUnknownCredentials(actor: TSessionUser, handle: string): Promise<void> {
  assertAdmin(actor);
  const found = await findUnknownCredentials(handle);
  try {
    await getFlanksClient().deleteCredentials(found.credentialsToken);
  } catch (error) {
    if (!(isFlanksError(error) && error.kind === "not_found")) throw new AppError("UPSTREAM_UNAVAILABLE", "flanksUnavailable");
  }
  await recordAuditEvent({ actor, action: "connection.delete_unknown", details: { bank: found.bank, externalId: found.externalId } });
}
