import { z } from "zod";
import { listField, listOf, optObject, optString } from "./common";

// POST v0/bank/credentials/auth
// Required: `_id`; every other field is lenient (all are "*Can be null" in the reference).
export const ZAddressSchema = z.looseObject({
  streetType: optString(),
  streetName: optString(),
  streetNumber: optString(),
  city: optString(),
  zipCode: optString(),
  state: optString(),
  /** ISO 3166. */
  country: optString(),
});

export const ZContactInfoSchema = z.looseObject({
  /** "phone" | "email"; kept as a string so a new kind does not break parsing. */
  type: z.string(),
  value: z.string(),
});

export const ZIdentitySchema = z.looseObject({
  /** Same as the credentials token: never log or send it to a browser. */
  _id: z.string(),
  name: optString(),
  fullName: optString(),
  surname1: optString(),
  surname2: optString(),
  birthDate: optString(),
  address: optObject(ZAddressSchema.shape),
  /** Entries without a type and value are dropped. */
  contactInfo: listField(ZContactInfoSchema),
  identityDocument: optString(),
  /** "male" | "female". */
  gender: optString(),
  occupation: optString(),
  sector: optString(),
});
export type TIdentity = z.infer<typeof ZIdentitySchema>;
export const ZIdentityListSchema = listOf(ZIdentitySchema);
