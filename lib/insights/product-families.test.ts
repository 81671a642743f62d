import { describe, expect, it } from "vitest";
import { productFamilyOf } from "./product-families";

describe("productFamilyOf", () => {
  it("maps the reference's type codes, refined by the name", () => {
    expect(productFamilyOf({ type: "VI", name: "Telefónica" })).toBe("SHARES");
    expect(productFamilyOf({ type: "VI", name: "iShares Core MSCI World UCITS ETF" })).toBe("ETFS");
    expect(productFamilyOf({ type: "FI", name: "Bono Estado 2030" })).toBe("BONDS");
    expect(productFamilyOf({ type: "FI", name: "Bono Estructurado Autocall Eurostoxx" })).toBe("STRUCTURED");
    expect(productFamilyOf({ type: "F", name: "Fondo Meseta Renta" })).toBe("FUNDS");
    expect(productFamilyOf({ type: "CFD", name: "CFD DAX" })).toBe("DERIVATIVES");
    expect(productFamilyOf({ type: "DV", name: "Opción call" })).toBe("DERIVATIVES");
    expect(productFamilyOf({ type: "C", name: "Bitcoin" })).toBe("CRYPTO");
    expect(productFamilyOf({ type: "AEP", name: "Private equity" })).toBe("ALTERNATIVES");
  });

  it("leaves cash, deposits, pension plans and unrecognised others outside the families", () => {
    expect(productFamilyOf({ type: "BP", name: "Depósito 12 meses" })).toBeNull();
    expect(productFamilyOf({ type: "L", name: "Liquidez" })).toBeNull();
    expect(productFamilyOf({ type: "PP", name: "Plan de pensiones" })).toBeNull();
    expect(productFamilyOf({ type: "O", name: "Seguro de ahorro" })).toBeNull();
    expect(productFamilyOf({ type: "ZZ", name: "Bitcoin tracker" })).toBe("CRYPTO");
  });
});
