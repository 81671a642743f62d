import "server-only";
import { unstable_rethrow } from "next/navigation";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, type TSessionUser } from "@/lib/auth/current-user";
import { isAppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/log/log-error";
import type { TFormState } from "./form-state";

export type { TFormState };

type TFormActionOptions<TSchema extends z.ZodType> = {
  schema: TSchema;
  role?: "ADMIN";
  run: (user: TSessionUser, input: z.infer<TSchema>) => Promise<TFormState | void>;
};

/**
 * Every form action is built here: the session is re-checked (actions are reachable by direct
 * POST, whatever the page showed), the input parsed with zod, and errors mapped to a safe state.
 */
export function formAction<TSchema extends z.ZodType>({ schema, role, run }: TFormActionOptions<TSchema>) {
  return async (_previous: TFormState, formData: FormData): Promise<TFormState> => {
    const user = await getCurrentUser();
    if (!user) redirect("/login?expired=1");
    if (role && user.role !== role) return { status: "error", message: "notAllowed" };
    const raw = Object.fromEntries([...formData].filter(([key, value]) => !key.startsWith("$") && typeof value === "string"));
    // Echoed so a rejected form keeps what was typed; capped, so a huge field is not sent back whole.
    const values = Object.fromEntries(
      Object.entries(raw)
        .filter(([key]) => !/password/i.test(key))
        .map(([key, value]) => [key, String(value).slice(0, 1_000)]),
    ) as Record<string, string>;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form");
        (fieldErrors[field] ??= []).push(issue.message);
      }
      return { status: "error", message: "fixErrors", fieldErrors, values };
    }
    try {
      return (await run(user, parsed.data)) ?? { status: "ok" };
    } catch (error) {
      unstable_rethrow(error);
      if (isAppError(error)) {
        return { status: "error", message: error.code === "NOT_FOUND" ? "notAllowed" : error.message, fieldErrors: error.fieldErrors, values };
      }
      logError("form action failed", error);
      return { status: "error", message: "generic", values };
    }
  };
}
