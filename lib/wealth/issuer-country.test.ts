import { describe, expect, it } from "vitest";
import { issuerCountryName, issuerCountryOf } from "./issuer-country";

describe("issuerCountryName", () => {
  it("names the country in the user's language, whichever language asked first", () => {
    expect(issuerCountryName("DE", "en")).toBe("Germany (DE)");
    expect(issuerCountryName("DE", "es")).toBe("Alemania (DE)");
    expect(issuerCountryName("ES", "es")).toBe("España (ES)");
    expect(issuerCountryName("ES", "en")).toBe("Spain (ES)");
  });

  it("names international securities (XS), which are no country", () => {
    expect(issuerCountryName("XS", "es")).toBe("Internacional (XS)");
    expect(issuerCountryName("XS", "en")).toBe("International (XS)");
  });

  it("gives the code back when it is no region", () => {
    expect(issuerCountryName("1A", "en")).toBe("1A");
  });
});

describe("issuerCountryOf", () => {
  it("reads the prefix of a well-formed ISIN only", () => {
    expect(issuerCountryOf(" es0113900j37 ")).toBe("ES");
    expect(issuerCountryOf("ES0113900J38")).toBeNull();
    expect(issuerCountryOf("N4521")).toBeNull();
    expect(issuerCountryOf(null)).toBeNull();
  });
});
