import { describe, expect, it } from "vitest";
import { prefillFromMifid, type TMifidAnswer } from "./mifid-prefill";

const answer = (question: string, answers: string[]): TMifidAnswer => ({ bank: "Banco Meseta", question, answers });

describe("prefillFromMifid", () => {
  it("gives no profile when no answer is recognised (a missing or unknown answer)", () => {
    expect(prefillFromMifid([])).toEqual({ profile: null, suggestions: [] });
    expect(prefillFromMifid([answer("¿Cuál es su nivel de estudios?", ["Universitarios"])]).profile).toBeNull();
    expect(prefillFromMifid([answer("¿Qué haría si su inversión cayera un 20 %?", [])]).profile).toBeNull();
  });

  it("reads families from the products invested in, and says which answer led to each value", () => {
    const { profile, suggestions } = prefillFromMifid([answer("¿En qué productos ha invertido en los últimos 5 años?", ["Fondos de inversión", "Derivados"])]);
    expect(profile?.families.FUNDS).toEqual({ knowledge: true, experience: true });
    expect(profile?.families.DERIVATIVES).toEqual({ knowledge: true, experience: true });
    expect(profile?.families.SHARES).toEqual({ knowledge: false, experience: false });
    expect(suggestions).toContainEqual({
      field: "DERIVATIVES.experience",
      value: true,
      bank: "Banco Meseta",
      question: "¿En qué productos ha invertido en los últimos 5 años?",
      answer: "Derivados",
    });
    expect(suggestions).toContainEqual(expect.objectContaining({ field: "SHARES.experience", value: false }));
  });

  it("takes the risk level from the reaction to a fall, capped by a short horizon, the lowest of several banks", () => {
    const fall = "¿Qué haría si su inversión cayera un 20 %?";
    expect(prefillFromMifid([answer(fall, ["Compraría más"])]).profile?.riskLevel).toBe(4);
    expect(
      prefillFromMifid([answer(fall, ["Compraría más"]), answer("¿Cuál es el horizonte temporal de su inversión?", ["Menos de 1 año"])]).profile?.riskLevel,
    ).toBe(1);
    expect(prefillFromMifid([answer(fall, ["Mantendría"]), { ...answer(fall, ["Vendería todo"]), bank: "Banca Privada Alhambra" }]).profile?.riskLevel).toBe(1);
  });

  it("reads equity experience: none means no experience of shares", () => {
    const q = "¿Cuál es su experiencia invirtiendo en renta variable?";
    expect(prefillFromMifid([answer(q, ["Ninguna"])]).profile?.families.SHARES).toEqual({ knowledge: false, experience: false });
    expect(prefillFromMifid([answer(q, ["Más de 5 años"])]).profile?.families.SHARES).toEqual({ knowledge: true, experience: true });
  });
});
