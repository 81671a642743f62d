import { describe, expect, it } from "vitest";
import { CORE_NAMESPACES, pickMessages } from "./client-messages";
import { MESSAGES } from "./messages";

describe("client messages", () => {
  it("sends every page only the core namespaces, a small part of the dictionary", () => {
    const core = pickMessages(MESSAGES.es, CORE_NAMESPACES);
    expect(Object.keys(core).sort()).toEqual(["common", "errors"]);
    expect(JSON.stringify(core).length).toBeLessThan(JSON.stringify(MESSAGES.es).length / 8);
  });
});
