import { z } from "zod";

// GET / POST v0/platform/link

/** The Link's extra query parameters, returned as they were given. */
export const ZLinkExtraSchema = z.record(z.string(), z.string());

export const ZLinkCodeSchema = z.looseObject({
  code: z.string(),
  extra: ZLinkExtraSchema,
  link_token: z.string(),
});
export type TLinkCode = z.infer<typeof ZLinkCodeSchema>;
export const ZLinkCodeListSchema = z.array(ZLinkCodeSchema);

/** 200: the code was exchanged (it is one-use). */
export const ZLinkExchangeResponseSchema = z.looseObject({
  message: z.string().nullish(),
  credentials_token: z.string().min(1),
  extra: ZLinkExtraSchema.nullish(),
  link_token: z.string().nullish(),
});
export type TLinkExchangeResponse = z.infer<typeof ZLinkExchangeResponseSchema>;

/** 202: the credentials are under security checks ("delayed"); the code must be exchanged later. */
export const ZLinkDelayedResponseSchema = z.looseObject({
  message: z.string().nullish(),
});
