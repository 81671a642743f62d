import { z } from "zod";
import { listOf } from "./common";

// POST v0/bank/credentials/auth
export const ZAddressSchema = z.looseObject({
  streetType: z.string().nullish(),
  streetName: z.string().nullish(),
  streetNumber: z.string().nullish(),
  city: z.string().nullish(),
  zipCode: z.string().nullish(),
  state: z.string().nullish(),
  /** ISO 3166. */
  country: z.string().nullish(),
});

export const ZContactInfoSchema = z.looseObject({
  /** "phone" | "email"; kept as a string so a new kind does not break parsing. */
  type: z.string(),
  value: z.string(),
});

export const ZIdentitySchema = z.looseObject({
  /** Same as the credentials token: never log or send it to a browser. */
  _id: z.string(),
  name: z.string().nullish(),
  fullName: z.string().nullish(),
  surname1: z.string().nullish(),
  surname2: z.string().nullish(),
  birthDate: z.string().nullish(),
  address: ZAddressSchema.nullish(),
  contactInfo: z.array(ZContactInfoSchema).nullish(),
  identityDocument: z.string().nullish(),
  /** "male" | "female". */
  gender: z.string().nullish(),
  occupation: z.string().nullish(),
  sector: z.string().nullish(),
});
export type TIdentity = z.infer<typeof ZIdentitySchema>;
export const ZIdentityListSchema = listOf(ZIdentitySchema);
