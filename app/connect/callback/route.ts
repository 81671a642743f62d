// GET /connect/callback – where the Flanks Link sends the end user back, with `code` (or `error`) and our `ref`.
import { after } from "next/server";
import { z } from "zod";
import { logError } from "@/lib/log/log-error";
import { checkPublicRequestLimit } from "@/lib/security/public-request-limit";
import { rateLimitedResponse } from "@/lib/security/rate-limited-response";
import { exchangeLinkCode, syncAfterExchange } from "@/lib/connections/exchange-link-code";
import { LINK_EXTRA_REFERENCE } from "@/lib/invitations/invitation-rules";

export const dynamic = "force-dynamic";

const LINK_ERRORS = ["INVALID_CREDENTIALS", "INVALID_SCA", "CREDENTIALS_ALREADY_EXIST", "INTERNAL_ERROR", "ABORTED_BY_USER"] as const;

const ZCallbackSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(512)
    .regex(/^[\w.~-]+$/)
    .optional(),
  error: z.string().trim().max(64).optional(),
  [LINK_EXTRA_REFERENCE]: z
    .string()
    .trim()
    .max(64)
    .regex(/^[\w-]+$/)
    .optional(),
});

/**
 * A relative Location: the browser stays on the origin it came from (the server may see itself as
 * localhost while the user typed 127.0.0.1, and the CSP's form-action would block the cross-origin hop).
 */
function redirectToResult(params: Record<string, string>): Response {
  return new Response(null, { status: 303, headers: { Location: `/connect/result?${new URLSearchParams(params)}`, "Cache-Control": "no-store" } });
}

export async function GET(request: Request) {
  // Refused before any Flanks call; a code left unexchanged is recovered by the reconciliation job.
  const limit = await checkPublicRequestLimit();
  if (!limit.ok) return rateLimitedResponse(limit.retryAfterSeconds);
  const query = ZCallbackSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success || (!query.data.code && !query.data.error)) {
    return redirectToResult({ error: "UNKNOWN" });
  }
  const { code, error } = query.data;
  const reference = query.data[LINK_EXTRA_REFERENCE] ?? null;
  if (error || !code) {
    const known = (LINK_ERRORS as readonly string[]).includes(error ?? "") ? error! : "UNKNOWN";
    return redirectToResult({ error: known });
  }
  try {
    const outcome = await exchangeLinkCode({ code, reference, source: "callback" });
    if (outcome.kind === "failed") {
      const reason = { unknown_reference: "UNKNOWN_LINK", refused: "UNKNOWN_LINK", rejected: "REJECTED", unavailable: "UNAVAILABLE" }[outcome.reason];
      return redirectToResult({ error: reason });
    }
    // The first load starts now when Flanks has already finished, after the end user has their answer.
    after(() => syncAfterExchange(outcome));
    return redirectToResult({ exchange: outcome.exchangeId });
  } catch (failure) {
    logError("link callback failed", failure);
    return redirectToResult({ error: "UNAVAILABLE" });
  }
}
