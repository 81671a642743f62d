import { describe, expect, it } from "vitest";
import { ZCardListSchema } from "@/lib/flanks/schemas";
import { normalizeCards } from "./normalize";

const scope = { connectionId: "conn-1", clientId: "client-1" };
const card = { _id: "card-1", entity: "testbank", pan: "************1234", cardType: "credit", availableBalance: 1500 };

describe("a card's currency (issue 15)", () => {
  it("is the card's own where the bank gives one, not its transactions'", () => {
    const [row] = normalizeCards(scope, ZCardListSchema.parse([{ ...card, currency: "JPY" }]), () => "EUR");
    expect(JSON.parse(row!.extraJson).currency).toBe("JPY");
    // JPY has no minor unit: 1 500 yen, not 150 000.
    expect(row!.availableMinor).toBe(1500n);
  });

  it("is its transactions' otherwise", () => {
    const [row] = normalizeCards(scope, ZCardListSchema.parse([card]), () => "USD");
    expect(JSON.parse(row!.extraJson).currency).toBe("USD");
    expect(row!.availableMinor).toBe(150000n);
  });
});
