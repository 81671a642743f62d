import { z } from "zod";

// POST / PUT v0/bank/credentials/status

/** The product flags the reference documents, in its order. */
export const PRODUCT_FLAG_KEYS = ["auth", "account", "card", "portfolio", "investment", "liability", "holders", "mifid"] as const;
/** The transaction flags the reference documents (`investmentincome`: dividends and other income). */
export const TRANSACTION_FLAG_KEYS = ["account", "card", "investment", "investmentincome", "liability"] as const;

/**
 * A group of flags as sent: any key (Flanks may add products), any value. Only `true` counts as set;
 * a group that is not an object reads as empty. Read the documented keys with `flagIsSet`, and the
 * others with `unknownFlagKeys` (they are listed apart, never counted as products).
 */
const ZFlagGroupSchema = z.record(z.string(), z.unknown()).catch({});

export const ZProductFlagsSchema = ZFlagGroupSchema;
export type TProductFlags = z.infer<typeof ZProductFlagsSchema>;
export const ZTransactionFlagsSchema = ZFlagGroupSchema;
export type TTransactionFlags = z.infer<typeof ZTransactionFlagsSchema>;

/** In the status endpoint the key is `transaction` (singular); the list endpoint says `transactions`. */
export const ZStatusFlagsSchema = z
  .looseObject({
    product: ZProductFlagsSchema.default({}),
    transaction: ZTransactionFlagsSchema.default({}),
  })
  .catch({ product: {}, transaction: {} });
export type TStatusFlags = z.infer<typeof ZStatusFlagsSchema>;

export function flagIsSet(group: Record<string, unknown> | undefined, key: string): boolean {
  return group?.[key] === true;
}

/** Keys of a flag group the reference does not document, e.g. `created.product.insurance`. */
export function unknownFlagKeys(flags: TStatusFlags): string[] {
  const product = Object.keys(flags.product).filter((key) => !(PRODUCT_FLAG_KEYS as readonly string[]).includes(key));
  const transaction = Object.keys(flags.transaction).filter((key) => !(TRANSACTION_FLAG_KEYS as readonly string[]).includes(key));
  return [...product, ...transaction.map((key) => `transaction.${key}`)];
}

const optBool = (fallback: boolean) => z.boolean().catch(fallback).default(fallback);
const optText = () => z.string().nullish().catch(null);
const optNum = () => z.number().nullish().catch(null);

/**
 * Nothing in a status answer fails it (issue 15: "a status answer with an unexpected field never fails
 * a sync"): a field of another type reads as null (`pending`, `blocked` as false), unknown fields and
 * flags are kept. `last_update`, `time` and `last_transaction_date` cannot exist before the first
 * extraction has finished anyway.
 */
export const ZCredentialsStatusSchema = z.looseObject({
  pending: optBool(false),
  blocked: optBool(false),
  reset_token: optText(),
  sca_token: optText(),
  /** Listed in the list endpoint's status; present once a transaction flow was forced. */
  transaction_token: optText(),
  last_transaction_date: optText(),
  /** The bank identifier. */
  name: optText(),
  last_update: optText(),
  /** "HH:MM", UTC. */
  time: optText(),
  last_update_timestamp: optNum(),
  created_at_timestamp: optNum(),
  errored: ZStatusFlagsSchema,
  created: ZStatusFlagsSchema,
});
export type TCredentialsStatus = z.infer<typeof ZCredentialsStatusSchema>;

export const FORCE_FLOWS = ["sca", "reset", "transaction"] as const;
export type TForceFlow = (typeof FORCE_FLOWS)[number];

/** PUT answers with the token of the flow it forced: `sca_token`, `reset_token` or `transaction_token`. */
export const ZForceStatusResponseSchema = z.looseObject({
  sca_token: z.string().optional(),
  reset_token: z.string().optional(),
  transaction_token: z.string().optional(),
});
export type TForceStatusResponse = z.infer<typeof ZForceStatusResponseSchema>;

/** The key of the PUT answer that carries the token of each forced flow. */
export const FORCE_TOKEN_KEY = {
  sca: "sca_token",
  reset: "reset_token",
  transaction: "transaction_token",
} as const satisfies Record<TForceFlow, keyof TForceStatusResponse>;
