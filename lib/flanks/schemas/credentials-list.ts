import { z } from "zod";
import { ZCredentialsStatusSchema, ZProductFlagsSchema, ZTransactionFlagsSchema } from "./credentials-status";

// POST v0/bank/credentials/list
// Here the flags key is `transactions` (plural), unlike the status endpoint's `transaction`.
export const ZListStatusFlagsSchema = z
  .looseObject({
    product: ZProductFlagsSchema.default({}),
    transactions: ZTransactionFlagsSchema.default({}),
  })
  .catch({ product: {}, transactions: {} });

export const ZListedCredentialsStatusSchema = ZCredentialsStatusSchema.extend({
  errored: ZListStatusFlagsSchema,
  created: ZListStatusFlagsSchema,
});
export type TListedCredentialsStatus = z.infer<typeof ZListedCredentialsStatusSchema>;

export const ZListedCredentialsSchema = z.looseObject({
  credentials_token: z.string(),
  external_id: z.string().nullish(),
  bank: z.string(),
  /** *Can be null. */
  status: ZListedCredentialsStatusSchema.nullish(),
});
export type TListedCredentials = z.infer<typeof ZListedCredentialsSchema>;

export const ZCredentialsListSchema = z.looseObject({
  items: z.array(ZListedCredentialsSchema),
});
export type TCredentialsList = z.infer<typeof ZCredentialsListSchema>;
