"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { ADMIN_FORCE_FLOWS, forceConnectionFlow, refreshConnectionByAdmin } from "@/lib/services/connections/admin-connections";
import { adoptUnknownCredentials } from "@/lib/services/connections/adopt-unknown-credentials";
import { deleteConnection } from "@/lib/services/connections/delete-connection";
import { deleteUnknownCredentials } from "@/lib/services/connections/delete-unknown-credentials";
import { reconcileLinkCodes } from "@/lib/services/connections/reconcile-link-codes";
import { idField } from "@/lib/validation/fields";

const ZConnectionFormSchema = z.object({ connectionId: idField });

export const refreshConnectionAction = formAction({
  schema: ZConnectionFormSchema,
  role: "ADMIN",
  async run(user, { connectionId }) {
    await refreshConnectionByAdmin(user, connectionId);
    revalidatePath("/admin/connections");
    return { status: "ok" };
  },
});

export const forceConnectionAction = formAction({
  schema: ZConnectionFormSchema.extend({ flow: z.enum(ADMIN_FORCE_FLOWS) }),
  role: "ADMIN",
  async run(user, { connectionId, flow }) {
    await forceConnectionFlow(user, connectionId, flow);
    revalidatePath("/admin/connections");
    return { status: "ok" };
  },
});

export const deleteConnectionAction = formAction({
  schema: ZConnectionFormSchema,
  role: "ADMIN",
  async run(user, { connectionId }) {
    await deleteConnection(user, connectionId, "connection.delete");
    revalidatePath("/admin/connections");
    return { status: "ok" };
  },
});

export const reconcileAction = formAction({
  schema: z.object({}),
  role: "ADMIN",
  async run(user) {
    const result = await reconcileLinkCodes(user);
    revalidatePath("/admin/reconcile");
    return { status: "ok", values: { exchanged: String(result.exchanged), orphans: String(result.orphans), refused: String(result.refused) } };
  },
});

/** The keyed hash naming credentials Flanks lists and Patrimonio does not hold (never the token). */
const ZUnknownCredentialsSchema = z.object({ handle: z.string().regex(/^[0-9a-f]{64}$/) });

export const adoptUnknownCredentialsAction = formAction({
  schema: ZUnknownCredentialsSchema.extend({ clientId: idField }),
  role: "ADMIN",
  async run(user, { handle, clientId }) {
    await adoptUnknownCredentials(user, { handle, clientId });
    revalidatePath("/admin/reconcile");
    return { status: "ok" };
  },
});

export const deleteUnknownCredentialsAction = formAction({
  schema: ZUnknownCredentialsSchema,
  role: "ADMIN",
  async run(user, { handle }) {
    await deleteUnknownCredentials(user, handle);
    revalidatePath("/admin/reconcile");
    return { status: "ok" };
  },
});
