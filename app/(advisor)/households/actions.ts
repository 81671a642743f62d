"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { createHousehold } from "@/lib/services/households/create-household";
import { deleteHousehold } from "@/lib/services/households/delete-household";
import { ZHouseholdIdSchema, ZHouseholdMemberRefSchema, ZHouseholdMemberSchema, ZHouseholdNameSchema } from "@/lib/services/households/household-schemas";
import { removeHouseholdMember } from "@/lib/services/households/remove-household-member";
import { renameHousehold } from "@/lib/services/households/rename-household";
import { setHouseholdMember } from "@/lib/services/households/set-household-member";
import { idField } from "@/lib/validation/fields";
import { markHouseholdReviewed } from "@/lib/services/reviews/mark-reviewed";
import { ZMarkHouseholdReviewedSchema } from "@/lib/services/reviews/review-schemas";

export const createHouseholdAction = formAction({
  schema: ZHouseholdNameSchema,
  async run(user, input) {
    const { id } = await createHousehold(user, input);
    redirect(`/households/${id}?created=1`);
  },
});

export const renameHouseholdAction = formAction({
  schema: ZHouseholdNameSchema.extend({ householdId: idField }),
  async run(user, { householdId, ...input }) {
    await renameHousehold(user, householdId, input);
    revalidatePath(`/households/${householdId}`);
    return { status: "ok" };
  },
});

/** Adds a member, or changes a member's role (the same form row). */
export const setHouseholdMemberAction = formAction({
  schema: ZHouseholdMemberSchema,
  async run(user, input) {
    await setHouseholdMember(user, input);
    revalidatePath(`/households/${input.householdId}`);
    return { status: "ok" };
  },
});

export const removeHouseholdMemberAction = formAction({
  schema: ZHouseholdMemberRefSchema,
  async run(user, input) {
    await removeHouseholdMember(user, input);
    revalidatePath(`/households/${input.householdId}`);
    return { status: "ok" };
  },
});

export const deleteHouseholdAction = formAction({
  schema: ZHouseholdIdSchema,
  async run(user, { householdId }) {
    await deleteHousehold(user, householdId);
    redirect("/households");
  },
});

/** Every member reviewed at once, each with their own data (docs/decisions/053). */
export const markHouseholdReviewedAction = formAction({
  schema: ZMarkHouseholdReviewedSchema,
  async run(user, { householdId, ...input }) {
    await markHouseholdReviewed(user, householdId, input);
    revalidatePath(`/households/${householdId}`);
    return { status: "ok" };
  },
});
