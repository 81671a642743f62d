import { z } from "zod";

// DELETE v0/bank/credentials → { "message": "Successfully deleted" }
export const ZDeleteCredentialsResponseSchema = z.looseObject({
  message: z.string(),
});
export type TDeleteCredentialsResponse = z.infer<typeof ZDeleteCredentialsResponseSchema>;
