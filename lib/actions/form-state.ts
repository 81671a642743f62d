/** What a form's server action answers; messages and field errors are keys of the `errors` dictionary. */
export type TFormState = {
  status: "idle" | "ok" | "error";
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What the user typed, so a rejected form keeps it (never passwords). */
  values?: Record<string, string>;
};

export const IDLE_FORM_STATE: TFormState = { status: "idle" };
