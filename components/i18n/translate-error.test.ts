import { describe, expect, it } from "vitest";
import { CORE_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";
import { MESSAGES } from "@/lib/i18n/messages";
import { translateError } from "./translate-error";

describe("translateError", () => {
  it("translates form-state keys from the core, and admin notices where the admin namespace is provided", () => {
    const core = pickMessages(MESSAGES.en, CORE_NAMESPACES);
    expect(translateError(core, "tooLong:120")).toBe("Too long (at most 120 characters).");
    expect(translateError(core, "userCreated")).toBe(MESSAGES.en.errors.generic);
    expect(translateError({ ...core, admin: MESSAGES.en.admin }, "userCreated")).toBe("Person created.");
  });
});
