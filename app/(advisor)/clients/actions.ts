"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { ZClientInputSchema } from "@/lib/services/clients/client-schemas";
import { createClient } from "@/lib/services/clients/create-client";
import { setClientArchived } from "@/lib/services/clients/set-client-archived";
import { updateClient } from "@/lib/services/clients/update-client";
import { idField } from "@/lib/validation/fields";

export const createClientAction = formAction({
  schema: ZClientInputSchema,
  async run(user, input) {
    const { id } = await createClient(user, input);
    redirect(`/clients/${id}/details?created=1`);
  },
});

export const updateClientAction = formAction({
  schema: ZClientInputSchema.extend({ clientId: idField }),
  async run(user, { clientId, ...input }) {
    await updateClient(user, clientId, input);
    revalidatePath(`/clients/${clientId}`, "layout");
    return { status: "ok" };
  },
});

export const setClientArchivedAction = formAction({
  schema: z.object({ clientId: idField, archived: z.enum(["0", "1"]) }),
  async run(user, { clientId, archived }) {
    await setClientArchived(user, clientId, archived === "1");
    revalidatePath(`/clients/${clientId}`, "layout");
    return { status: "ok" };
  },
});
