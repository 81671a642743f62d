"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isAppError } from "@/lib/errors/app-error";
import { isHttpsRequest } from "@/lib/request/is-https-request";
import { checkPublicRequestLimit } from "@/lib/security/public-request-limit";
import { consentToInvitation } from "@/lib/services/invitations/consent-to-invitation";
import { ZInvitationTokenSchema } from "@/lib/services/invitations/open-invitation";
import { CONNECT_COOKIE, CONNECT_COOKIE_MAX_AGE } from "../connect-cookie";

export type TConsentState = { error?: "consentRequired" | "invalid" | "rateLimited" };

const ZConsentSchema = z.object({ token: ZInvitationTokenSchema, consent: z.literal("yes") });

/** Public (end users have no account): the invitation token itself is the credential. */
export async function consentAction(_state: TConsentState, formData: FormData): Promise<TConsentState> {
  if (!(await checkPublicRequestLimit()).ok) return { error: "rateLimited" };
  const parsed = ZConsentSchema.safeParse({ token: formData.get("token"), consent: formData.get("consent") });
  if (!parsed.success) return { error: ZInvitationTokenSchema.safeParse(formData.get("token")).success ? "consentRequired" : "invalid" };
  let linkUrl: string;
  try {
    linkUrl = await consentToInvitation(parsed.data.token);
  } catch (error) {
    if (isAppError(error)) return { error: "invalid" };
    throw error;
  }
  (await cookies()).set(CONNECT_COOKIE, parsed.data.token, {
    httpOnly: true,
    secure: await isHttpsRequest(),
    sameSite: "lax",
    path: "/connect",
    maxAge: CONNECT_COOKIE_MAX_AGE,
  });
  redirect(linkUrl);
}
