import "server-only";
import { getMessages } from "@/lib/i18n/get-locale";

/** 429 with Retry-After and the sentence the end user reads, in their language. */
export async function rateLimitedResponse(retryAfterSeconds: number): Promise<Response> {
  const { t } = await getMessages();
  return new Response(t.errors.tooManyRequests, {
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
