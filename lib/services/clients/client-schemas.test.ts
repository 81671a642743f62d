import { describe, expect, it } from "vitest";
import { ZClientInputSchema } from "./client-schemas";

const base = { displayName: "Carmen Ruiz", contactEmail: "carmen@example.com" };

describe("the client's language (for the report)", () => {
  it("is one of the app's languages, or none", () => {
    expect(ZClientInputSchema.parse({ ...base, language: "en" }).language).toBe("en");
    // The form's "not set" option, and a form or caller that does not send it.
    expect(ZClientInputSchema.parse({ ...base, language: "" }).language).toBeNull();
    expect(ZClientInputSchema.parse(base).language).toBeNull();
  });

  it("refuses any other value with a message the form shows in the user's language", () => {
    const result = ZClientInputSchema.safeParse({ ...base, language: "fr" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["language", "invalidLanguage"]]);
  });
});
