import { z } from "zod";
import { listOf } from "./common";

// POST v0/bank/credentials/account
export const ZAccountSchema = z.looseObject({
  _id: z.string(),
  external_id: z.string().nullish(),
  iban: z.string(),
  entity: z.string(),
  /** Same as the IBAN when the bank has no alias. */
  alias: z.string(),
  balance: z.number(),
  currency: z.string(),
  description: z.string().nullish(),
  isOwner: z.boolean().nullish(),
  /** Number of holders with role "Titular". */
  numOwners: z.number(),
  owners: z.array(z.string()),
  updated_at_timestamp: z.union([z.number(), z.string()]).optional(),
});
export type TAccount = z.infer<typeof ZAccountSchema>;
export const ZAccountListSchema = listOf(ZAccountSchema);
