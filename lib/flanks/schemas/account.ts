import { z } from "zod";
import { listField, listOf, optBoolean, optNumber, optString, optTimestamp } from "./common";

// POST v0/bank/credentials/account
// Required: what identifies the account and values it (`_id`, `balance`, `currency`); the rest is lenient.
export const ZAccountSchema = z.looseObject({
  _id: z.string(),
  external_id: optString(),
  iban: optString(),
  entity: optString(),
  /** Same as the IBAN when the bank has no alias. */
  alias: optString(),
  balance: z.number(),
  currency: z.string(),
  description: optString(),
  isOwner: optBoolean(),
  /** Number of holders with role "Titular". */
  numOwners: optNumber(),
  owners: listField(z.string()),
  updated_at_timestamp: optTimestamp(),
});
export type TAccount = z.infer<typeof ZAccountSchema>;
export const ZAccountListSchema = listOf(ZAccountSchema);
