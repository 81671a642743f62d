import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/en";
import { connectionStateLabel, isAwaitingFirstLoad } from "./connection-state-label";

describe("connectionStateLabel", () => {
  const labels = en.connections;

  it("never says 'Up to date' while no data was ever stored", () => {
    expect(connectionStateLabel({ state: "READY", hasStoredData: false }, labels)).toBe("Loading data");
    expect(connectionStateLabel({ state: "PARTIAL", hasStoredData: false }, labels)).toBe("Loading data");
    expect(isAwaitingFirstLoad({ state: "READY", hasStoredData: false })).toBe(true);
  });

  it("names the state once data is stored, and the states that need someone whatever is stored", () => {
    expect(connectionStateLabel({ state: "READY", hasStoredData: true }, labels)).toBe("Up to date");
    expect(connectionStateLabel({ state: "NEEDS_SCA", hasStoredData: false }, labels)).toBe("Needs re-authentication");
    expect(connectionStateLabel({ state: "PENDING", hasStoredData: false }, labels)).toBe("Extracting data");
  });
});
