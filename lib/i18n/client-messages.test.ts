import { describe, expect, it } from "vitest";
import { translateError } from "@/components/i18n/translate-error";
import { CORE_NAMESPACES, pickMessages } from "./client-messages";
import { MESSAGES } from "./messages";

describe("client messages", () => {
  it("sends every page only the core namespaces, a small part of the dictionary", () => {
    const core = pickMessages(MESSAGES.es, CORE_NAMESPACES);
    expect(Object.keys(core).sort()).toEqual(["common", "errors"]);
    expect(JSON.stringify(core).length).toBeLessThan(JSON.stringify(MESSAGES.es).length / 8);
  });

  it("translates form-state keys from the core, and admin notices where the admin namespace is provided", () => {
    const core = pickMessages(MESSAGES.en, CORE_NAMESPACES);
    expect(translateError(core, "tooLong:120")).toBe("Too long (at most 120 characters).");
    expect(translateError(core, "userCreated")).toBe(MESSAGES.en.errors.generic);
    expect(translateError({ ...core, admin: MESSAGES.en.admin }, "userCreated")).toBe("Person created.");
  });
});
