import { z } from "zod";

// POST v0/bank/credentials/holder
export const ZHolderSchema = z.looseObject({
  product_name: z.string(),
  name: z.string(),
  /** Holder relation (e.g. "Titular"); a free string. */
  rel: z.string(),
  /** The `_id` of an /account, /card, /portfolio or /liability record. */
  product_id: z.string(),
  external_id: z.string().nullish(),
});
export type THolder = z.infer<typeof ZHolderSchema>;
export const ZHolderListSchema = z.array(ZHolderSchema);
