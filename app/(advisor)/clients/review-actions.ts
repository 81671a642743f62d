"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { markClientReviewed } from "@/lib/services/reviews/mark-reviewed";
import { ZMarkClientReviewedSchema } from "@/lib/services/reviews/review-schemas";

export const markClientReviewedAction = formAction({
  schema: ZMarkClientReviewedSchema,
  async run(user, { clientId, ...input }) {
    await markClientReviewed(user, clientId, input);
    revalidatePath(`/clients/${clientId}`);
    return { status: "ok" };
  },
});
