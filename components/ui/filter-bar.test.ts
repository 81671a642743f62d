import { describe, expect, it } from "vitest";
import { keptEntries } from "./filter-bar";

describe("the filter bar's kept query values", () => {
  it("are sent when set, and left out when unset or empty (no bare `sort=` in the next URL)", () => {
    expect(keptEntries({ sort: "value", dir: undefined, portfolio: "", q: "a b" })).toEqual([
      ["sort", "value"],
      ["q", "a b"],
    ]);
  });
});
