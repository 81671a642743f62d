import { z } from "zod";
import { optString } from "./common";

// POST v0/bank/credentials/holder
// Required: who (`name`) holds what (`product_id`); the rest is lenient.
export const ZHolderSchema = z.looseObject({
  product_name: optString(),
  name: z.string(),
  /** Holder relation (e.g. "Titular"); a free string. */
  rel: optString(),
  /** The `_id` of an /account, /card, /portfolio or /liability record. */
  product_id: z.string(),
  external_id: optString(),
});
export type THolder = z.infer<typeof ZHolderSchema>;
export const ZHolderListSchema = z.array(ZHolderSchema);
