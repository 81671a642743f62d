// Generated answers, not only hand-picked ones (issue 15, part 10): for every record type of the
// reference, any field made null, missing or of another type, alone or with others, in any record of
// an answer. Reading the answer and normalizing its records never throws; every record that still has
// what identifies and values it is kept, exactly the others are set aside, and they are counted.
import fc from "fast-check";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { readRecords } from "@/lib/flanks/read-records";
import * as fx from "@/lib/flanks/test/fixtures/reference-examples";
import {
  ZAccountSchema,
  ZAccountTransactionSchema,
  ZCardSchema,
  ZCardTransactionSchema,
  ZHolderSchema,
  ZIdentitySchema,
  ZInvestmentSchema,
  ZInvestmentTransactionSchema,
  ZLiabilitySchema,
  ZLiabilityTransactionSchema,
  ZMifidAnswerSchema,
  ZPortfolioSchema,
} from "@/lib/flanks/schemas";
import * as normalize from "@/lib/wealth/normalize";

const SCOPE = { connectionId: "c1", clientId: "k1" };

type TCase = {
  name: string;
  schema: z.ZodType;
  example: Record<string, unknown>;
  /** What identifies or values the record: written here from decision 038, not read from the schemas. */
  required: readonly string[];
  normalize: (records: never[]) => unknown[];
  /** Types a required field also accepts besides its example's (MiFID's `_id`: an int in the reference, a string accepted). */
  alsoAccepted?: Record<string, string[]>;
};

const CASES: TCase[] = [
  {
    name: "account",
    schema: ZAccountSchema,
    example: fx.account,
    required: ["_id", "balance", "currency"],
    normalize: (r) => normalize.normalizeAccounts(SCOPE, r),
  },
  {
    name: "account transaction",
    schema: ZAccountTransactionSchema,
    example: fx.accountTransactions[0]!,
    required: ["_id", "amount", "currency"],
    normalize: (r) => normalize.normalizeAccountTransactions(SCOPE, r),
  },
  { name: "card", schema: ZCardSchema, example: fx.cards[0]!, required: ["_id"], normalize: (r) => normalize.normalizeCards(SCOPE, r) },
  {
    name: "card transaction",
    schema: ZCardTransactionSchema,
    example: fx.cardTransactions[0]!,
    required: ["_id", "amount", "currency"],
    normalize: (r) => normalize.normalizeCardTransactions(SCOPE, r),
  },
  {
    name: "portfolio",
    schema: ZPortfolioSchema,
    example: fx.portfolios[0]!,
    required: ["_id", "balance", "currency"],
    normalize: (r) => normalize.normalizePortfolios(SCOPE, r),
  },
  {
    name: "investment",
    schema: ZInvestmentSchema,
    example: fx.fundInvestment,
    required: ["_id", "balance", "currency"],
    normalize: (r) => normalize.normalizeInvestments(SCOPE, r),
  },
  {
    name: "investment transaction",
    schema: ZInvestmentTransactionSchema,
    example: fx.investmentTransaction,
    required: ["_id", "amount", "netCash", "currency"],
    normalize: (r) => normalize.normalizeInvestmentTransactions(SCOPE, r),
  },
  {
    name: "liability",
    schema: ZLiabilitySchema,
    example: fx.liabilities[0]!,
    required: ["_id", "balance", "currency"],
    normalize: (r) => normalize.normalizeLiabilities(SCOPE, r),
  },
  {
    name: "liability transaction",
    schema: ZLiabilityTransactionSchema,
    example: fx.liabilityTransactions[0]!,
    required: ["_id", "amount", "currencyAmount", "balance", "currencyBalance"],
    normalize: (r) => normalize.normalizeLiabilityTransactions(SCOPE, r),
  },
  { name: "holder", schema: ZHolderSchema, example: fx.holders[0]!, required: ["product_id", "name"], normalize: (r) => normalize.normalizeHolders(SCOPE, r) },
  {
    name: "mifid answer",
    schema: ZMifidAnswerSchema,
    example: fx.mifid[0]!,
    required: ["_id"],
    normalize: (r) => normalize.normalizeMifid(SCOPE, r),
    alsoAccepted: { _id: ["string"] },
  },
  {
    name: "identity",
    schema: ZIdentitySchema,
    example: fx.identity,
    required: ["_id"],
    normalize: (r) => (r as never[]).map((identity) => normalize.normalizeIdentity(SCOPE, identity)),
  },
];

type TMutation = { kind: "null" } | { kind: "missing" } | { kind: "other"; value: unknown };

/** A value of another JSON type than the field's example value. */
const kindOf = (v: unknown) => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v);
const otherValue = (example: unknown, alsoAccepted: string[] = []) =>
  fc
    .oneof(fc.string(), fc.double(), fc.boolean(), fc.constant({ nested: 1 }), fc.constant([1, "a"]))
    .filter((value) => kindOf(value) !== kindOf(example) && !alsoAccepted.includes(kindOf(value)));

function mutate(record: Record<string, unknown>, mutations: Record<string, TMutation>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  for (const [field, mutation] of Object.entries(mutations)) {
    if (mutation.kind === "null") out[field] = null;
    else if (mutation.kind === "missing") delete out[field];
    else out[field] = mutation.value;
  }
  return out;
}

describe("any field null, missing or of another type, in any record (property-based)", () => {
  for (const testCase of CASES) {
    it(`${testCase.name}: siblings kept, only records without what identifies or values them set aside, counted, nothing thrown`, () => {
      const fields = Object.keys(testCase.example);
      const mutationOf = (field: string) =>
        fc.oneof(
          fc.constant<TMutation>({ kind: "null" }),
          fc.constant<TMutation>({ kind: "missing" }),
          otherValue(testCase.example[field], testCase.alsoAccepted?.[field]).map((value): TMutation => ({ kind: "other", value })),
        );
      const recordMutations = fc
        .dictionary(fc.constantFrom(...fields), fc.constant(null), { maxKeys: fields.length })
        .chain((chosen) =>
          fc.record(Object.fromEntries(Object.keys(chosen).map((field) => [field, mutationOf(field)])) as Record<string, fc.Arbitrary<TMutation>>),
        );
      fc.assert(
        fc.property(fc.array(recordMutations, { minLength: 1, maxLength: 6 }), (perRecord) => {
          const answer = perRecord.map((mutations, index) =>
            mutate({ ...testCase.example, _id: typeof testCase.example._id === "number" ? index : `id-${index}` }, mutations),
          );
          const mustSetAside = perRecord.map((mutations) => testCase.required.some((field) => field in mutations));
          const list = readRecords("POST test", "test", answer, testCase.schema);
          expect(list.received).toBe(answer.length);
          expect(list.setAside.map((item) => item.index)).toEqual(mustSetAside.flatMap((isSetAside, index) => (isSetAside ? [index] : [])));
          expect(list.records).toHaveLength(mustSetAside.filter((isSetAside) => !isSetAside).length);
          expect(() => testCase.normalize(list.records as never[])).not.toThrow();
          expect(testCase.normalize(list.records as never[])).toHaveLength(list.records.length);
          for (const item of list.setAside) expect(item.issues.length).toBeGreaterThan(0);
        }),
        { numRuns: 150 },
      );
    });
  }
});
