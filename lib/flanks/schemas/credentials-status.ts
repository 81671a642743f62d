import { z } from "zod";

// POST / PUT v0/bank/credentials/status

export const ZProductFlagsSchema = z.looseObject({
  auth: z.boolean(),
  account: z.boolean(),
  card: z.boolean(),
  portfolio: z.boolean(),
  investment: z.boolean(),
  liability: z.boolean(),
  holders: z.boolean(),
  mifid: z.boolean(),
});
export type TProductFlags = z.infer<typeof ZProductFlagsSchema>;

export const ZTransactionFlagsSchema = z.looseObject({
  account: z.boolean(),
  card: z.boolean(),
  investment: z.boolean(),
  investmentincome: z.boolean(),
  liability: z.boolean(),
});
export type TTransactionFlags = z.infer<typeof ZTransactionFlagsSchema>;

/** In the status endpoint the key is `transaction` (singular); the list endpoint says `transactions`. */
export const ZStatusFlagsSchema = z.looseObject({
  product: ZProductFlagsSchema,
  transaction: ZTransactionFlagsSchema,
});
export type TStatusFlags = z.infer<typeof ZStatusFlagsSchema>;

/**
 * The reference marks no field of the status nullable, but `last_update`, `time` and
 * `last_transaction_date` cannot exist before the first extraction has finished (`pending: true`),
 * so they are accepted as null/absent (lenient where the reference is silent).
 */
export const ZCredentialsStatusSchema = z.looseObject({
  pending: z.boolean(),
  blocked: z.boolean(),
  reset_token: z.string().nullish(),
  sca_token: z.string().nullish(),
  /** Listed in the list endpoint's status; present once a transaction flow was forced. */
  transaction_token: z.string().nullish(),
  last_transaction_date: z.string().nullish(),
  /** The bank identifier. */
  name: z.string(),
  last_update: z.string().nullish(),
  /** "HH:MM", UTC. */
  time: z.string().nullish(),
  last_update_timestamp: z.number().nullish(),
  created_at_timestamp: z.number().nullish(),
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
