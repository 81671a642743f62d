"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { deleteClient } from "@/lib/services/clients/delete-client";
import { reassignClient } from "@/lib/services/clients/reassign-client";
import { createUser } from "@/lib/services/users/create-user";
import { resetUserPassword } from "@/lib/services/users/reset-user-password";
import { setUserDisabled } from "@/lib/services/users/set-user-disabled";
import { ZPasswordFieldSchema, ZUserInputSchema } from "@/lib/services/users/user-schemas";
import { idField } from "@/lib/validation/fields";

export const createUserAction = formAction({
  schema: ZUserInputSchema,
  role: "ADMIN",
  async run(user, input) {
    await createUser(user, input);
    revalidatePath("/admin/users");
    return { status: "ok", message: "userCreated" };
  },
});

export const setUserDisabledAction = formAction({
  schema: z.object({ userId: idField, disabled: z.enum(["0", "1"]) }),
  role: "ADMIN",
  async run(user, { userId, disabled }) {
    await setUserDisabled(user, userId, disabled === "1");
    revalidatePath("/admin/users");
    return { status: "ok" };
  },
});

export const resetUserPasswordAction = formAction({
  schema: z.object({ userId: idField, password: ZPasswordFieldSchema }),
  role: "ADMIN",
  async run(user, { userId, password }) {
    await resetUserPassword(user, userId, password);
    return { status: "ok", message: "passwordChanged" };
  },
});

export const reassignClientAction = formAction({
  schema: z.object({ clientId: idField, advisorId: idField }),
  role: "ADMIN",
  async run(user, { clientId, advisorId }) {
    await reassignClient(user, clientId, advisorId);
    revalidatePath("/admin/clients");
    return { status: "ok" };
  },
});

/** Erasure: the client, its connections (deleted at Flanks too) and all their data; the audit log keeps the record. */
export const deleteClientAction = formAction({
  schema: z.object({ clientId: idField }),
  role: "ADMIN",
  async run(user, { clientId }) {
    await deleteClient(user, clientId);
    revalidatePath("/admin/clients");
    redirect("/admin/clients?deleted=1");
  },
});
