import { z } from "zod";
import { listField, optString } from "./common";

// POST v0/bank/credentials/mifid/raw (the section's heading spells it `credencial`, a typo of the page).
// Required: `_id`; a null answer list means no answer.
export const ZMifidAnswerSchema = z.looseObject({
  /** An int in the reference; a string id is accepted too. */
  _id: z.union([z.number(), z.string()]),
  question: optString(),
  answer: listField(z.string()),
});
export type TMifidAnswer = z.infer<typeof ZMifidAnswerSchema>;
/** "Can be an empty list". */
export const ZMifidListSchema = z.array(ZMifidAnswerSchema);
