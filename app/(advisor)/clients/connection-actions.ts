"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { getPublicOrigin } from "@/lib/request/public-origin";
import { ZConnectionIdSchema } from "@/lib/services/connections/connection-schemas";
import { deleteConnection } from "@/lib/services/connections/delete-connection";
import { createInvitation } from "@/lib/services/invitations/create-invitation";
import { INVITATION_PURPOSES } from "@/lib/invitations/invitation-rules";
import { revokeInvitation } from "@/lib/services/invitations/revoke-invitation";
import { idField } from "@/lib/validation/fields";

export const createInvitationAction = formAction({
  schema: z.object({ clientId: idField, purpose: z.enum(INVITATION_PURPOSES), connectionId: idField.optional() }),
  async run(user, input) {
    const invitation = await createInvitation(user, input);
    revalidatePath(`/clients/${input.clientId}`, "layout");
    // The link is handed back once, in the form state, and never stored in clear.
    return { status: "ok", values: { url: `${await getPublicOrigin()}${invitation.path}`, expiresAt: invitation.expiresAt } };
  },
});

export const revokeInvitationAction = formAction({
  schema: z.object({ invitationId: idField, clientId: idField }),
  async run(user, { invitationId, clientId }) {
    await revokeInvitation(user, invitationId);
    revalidatePath(`/clients/${clientId}/connections`);
    return { status: "ok", message: "revoked" };
  },
});

export const disconnectConnectionAction = formAction({
  schema: ZConnectionIdSchema.extend({ clientId: idField }),
  async run(user, { connectionId, clientId }) {
    await deleteConnection(user, connectionId, "connection.disconnect");
    revalidatePath(`/clients/${clientId}`, "layout");
    return { status: "ok", message: "disconnected" };
  },
});
