import { emptyFamilies, type TInvestmentProfile } from "./investment-profile";
import type { TProductFamily } from "./product-families";

/** A stored MiFID answer (WealthMifidAnswer), with the bank it came from. */
export type TMifidAnswer = { bank: string; question: string; answers: string[] };

export type TProfileField = "riskLevel" | `${TProductFamily}.knowledge` | `${TProductFamily}.experience`;

/** One value the pre-fill proposes, and the answer that led to it. */
export type TSuggestion = {
  field: TProfileField;
  value: number | boolean;
  /** The value is an upper bound (the horizon caps the risk level), not the level itself. */
  isCap?: boolean;
  bank: string;
  question: string;
  answer: string;
};

export type TPrefill = { profile: TInvestmentProfile | null; suggestions: TSuggestion[] };

// Spanish and English wordings, as the banks' questionnaires (and the sandbox's) write them.
const PRODUCTS_INVESTED = /(productos|products).*(invertido|invested)/i;
const EQUITY_EXPERIENCE = /experiencia.*renta variable|experience.*(equit|shares|stocks)/i;
const REACTION_TO_FALL = /(cayera|caída|cae|fell|fall|drop)/i;
const HORIZON = /horizonte|horizon/i;

const FAMILY_WORDS: [RegExp, TProductFamily][] = [
  [/acciones|renta variable|shares|equit|stocks/i, "SHARES"],
  [/renta fija|bonos|bonds|fixed income/i, "BONDS"],
  [/fondos|funds/i, "FUNDS"],
  [/\betf/i, "ETFS"],
  [/derivad|derivative|cfd|futuros|opciones|options/i, "DERIVATIVES"],
  [/estructurad|structured/i, "STRUCTURED"],
  [/cripto|crypto/i, "CRYPTO"],
  [/alternativ|private equity|capital riesgo/i, "ALTERNATIVES"],
];

const REACTION_RISK: [RegExp, number][] = [
  [/vender[ií]a todo|sell (it )?all|sell everything/i, 1],
  [/vender[ií]a (una )?parte|sell (a |some )?part/i, 2],
  [/mantendr[ií]a|keep|hold/i, 3],
  [/comprar[ií]a m[aá]s|buy more/i, 4],
];

const HORIZON_CAP: [RegExp, number][] = [
  [/menos de 1 a|less than 1 year|under 1 year/i, 1],
  [/entre 1 y 3|1 (to|-) 3 years/i, 3],
];

/**
 * The investment profile the stored MiFID answers suggest, where a rule recognises the question and
 * the answer; each value says which answer led to it. Recognised:
 * - "products invested in (last 5 years)": each family named gets knowledge and experience; a family
 *   not named gets no experience (the question was answered without it);
 * - "experience in equities": "none" means no experience of shares, anything else knowledge and experience;
 * - "what would you do if it fell 20 %": the risk level (sell all 1, sell part 2, keep 3, buy more 4);
 * - "investment horizon": under 1 year caps the risk level at 1, 1–3 years at 3.
 * Answers from several banks: experience anywhere counts; the lowest risk level wins (prudence).
 * No recognised answer: no profile (null), and the advisor fills it in.
 */
export function prefillFromMifid(answers: readonly TMifidAnswer[]): TPrefill {
  const suggestions: TSuggestion[] = [];
  const families = emptyFamilies();
  let risk: number | null = null;
  let cap: number | null = null;
  const suggest = (suggestion: TSuggestion) => suggestions.push(suggestion);
  for (const entry of answers) {
    const question = entry.question;
    const given = entry.answers.filter((answer) => answer.trim() !== "");
    if (given.length === 0) continue;
    if (PRODUCTS_INVESTED.test(question)) {
      const named = new Set<TProductFamily>();
      for (const answer of given) {
        for (const [pattern, family] of FAMILY_WORDS) {
          if (!pattern.test(answer)) continue;
          named.add(family);
          families[family] = { knowledge: true, experience: true };
          suggest({ field: `${family}.knowledge`, value: true, bank: entry.bank, question, answer });
          suggest({ field: `${family}.experience`, value: true, bank: entry.bank, question, answer });
        }
      }
      for (const [, family] of FAMILY_WORDS) {
        if (named.has(family) || families[family].experience) continue;
        suggest({ field: `${family}.experience`, value: false, bank: entry.bank, question, answer: given.join(", ") });
      }
    } else if (EQUITY_EXPERIENCE.test(question)) {
      const answer = given[0]!;
      const hasExperience = !/^(ninguna|none|no)\b/i.test(answer.trim());
      if (hasExperience) families.SHARES = { knowledge: true, experience: true };
      suggest({ field: "SHARES.experience", value: hasExperience || families.SHARES.experience, bank: entry.bank, question, answer });
      if (hasExperience) suggest({ field: "SHARES.knowledge", value: true, bank: entry.bank, question, answer });
    } else if (REACTION_TO_FALL.test(question)) {
      const answer = given[0]!;
      const level = REACTION_RISK.find(([pattern]) => pattern.test(answer))?.[1];
      if (level === undefined) continue;
      risk = risk === null ? level : Math.min(risk, level);
      suggest({ field: "riskLevel", value: level, bank: entry.bank, question, answer });
    } else if (HORIZON.test(question)) {
      const answer = given[0]!;
      const level = HORIZON_CAP.find(([pattern]) => pattern.test(answer))?.[1];
      if (level === undefined) continue;
      cap = cap === null ? level : Math.min(cap, level);
      suggest({ field: "riskLevel", value: level, isCap: true, bank: entry.bank, question, answer });
    }
  }
  if (suggestions.length === 0) return { profile: null, suggestions };
  const riskLevel = Math.min(risk ?? cap ?? 1, cap ?? 5);
  return { profile: { riskLevel, families }, suggestions };
}
