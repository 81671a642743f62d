import { z } from "zod";

// GET v0/bank/available
export const ZAvailableBankSchema = z.looseObject({
  /** Flanks' entity identifier (e.g. the `bank` parameter of the Link). */
  id: z.string(),
  name: z.string(),
  /** Entity VAT number. */
  cif: z.string(),
  /** True when the entity asks for 2FA on every login. */
  alwaysManualRefresh: z.boolean(),
});
export type TAvailableBank = z.infer<typeof ZAvailableBankSchema>;
export const ZAvailableBankListSchema = z.array(ZAvailableBankSchema);
