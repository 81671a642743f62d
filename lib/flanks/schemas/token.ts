import { z } from "zod";

// POST v0/token
export const ZTokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  /** Seconds until the token expires. */
  expires_in: z.number().positive(),
  token_type: z.string(),
  scope: z.string().nullish(),
});
export type TTokenResponse = z.infer<typeof ZTokenResponseSchema>;
