import type { TMoney } from "@/lib/money/money";
import type { TProductFamily } from "./product-families";

/** What an insight was computed from: the stored products, the banks' "data as of" day, the rates' day. */
export type TInsightSource = {
  /** accounts, deposits (bank products and liquidity), positions, MiFID answers, the recorded profile, connections. */
  data: ("accounts" | "deposits" | "positions" | "mifid" | "profile" | "connections")[];
  /** The banks (display names) whose stored data it used. */
  banks: string[];
  /** The oldest "data as of" day (Flanks last_update) of those banks: the figures are no newer than this. */
  asOf: string | null;
  /** The ECB fixing day used to convert, when an amount was converted. */
  ratesDay: string | null;
};

export type TConcentrationDimension = "position" | "issuer" | "bank" | "currency";

type TInsightOf<K extends string, F> = {
  /** Stable across page views while the data is the same: the kind and what it is about. */
  id: string;
  kind: K;
  needsAction: boolean;
  source: TInsightSource;
  figures: F;
};

export type TDepositGuaranteeInsight = TInsightOf<
  "depositGuarantee",
  {
    holder: string;
    /** Flanks `entity` and its display name. */
    entity: string;
    entityName: string;
    /** The holder's cash at the entity in EUR (their share of joint accounts included). */
    cash: TMoney;
    covered: TMoney;
    uncovered: TMoney;
    /** Accounts held jointly whose balance was split among their holders. */
    jointAccounts: number;
    /** Currencies other than EUR converted at the ECB rate of `source.ratesDay`. */
    convertedCurrencies: string[];
    /** Cash in currencies without a stored rate: not counted, shown apart. */
    notConverted: TMoney[];
  }
>;

export type TProfileMissingInsight = TInsightOf<"profileMissing", { suggestedFromMifid: boolean }>;

export type TUnsuitableFamilyInsight = TInsightOf<
  "unsuitableFamily",
  { family: TProductFamily; amount: TMoney; positions: number; examples: string[]; notConverted: TMoney[] }
>;

export type TComplexShareInsight = TInsightOf<
  "complexShare",
  { amount: TMoney; total: TMoney; share: number; allowedShare: number; riskLevel: number; families: TProductFamily[] }
>;

export type TConcentrationInsight = TInsightOf<
  "concentration",
  { dimension: TConcentrationDimension; key: string; label: string; amount: TMoney; total: TMoney; share: number; limit: number }
>;

export type TReauthAheadInsight = TInsightOf<
  "reauthAhead",
  {
    connectionId: string;
    bank: string;
    /** YYYY-MM-DD of the last strong authentication we know of, and what told us. */
    lastSca: string;
    lastScaBasis: "connected" | "reauthenticated";
    intervalDays: number;
    /** Whether the interval is the regulation's 180 days or a bank known to ask sooner. */
    isBankSpecific: boolean;
    dueDay: string;
    /** Days from today to dueDay (negative: overdue). */
    daysLeft: number;
  }
>;

export type TInsight =
  TDepositGuaranteeInsight | TProfileMissingInsight | TUnsuitableFamilyInsight | TComplexShareInsight | TConcentrationInsight | TReauthAheadInsight;

export type TInsightKind = TInsight["kind"];
