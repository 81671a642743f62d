import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { isForwardedHttps } from "@/lib/security/forwarded-proto";

/**
 * The origin end users reach us at, for links we hand out: NEXTAUTH_URL (required outside sandbox
 * mode). In sandbox mode without it, this request's host; X-Forwarded-Host / -Proto only from a
 * trusted proxy (TRUSTED_PROXY_HOPS), since a caller writes them as they like.
 */
export async function getPublicOrigin(): Promise<string> {
  const env = getEnv();
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  const list = await headers();
  const isBehindProxy = env.TRUSTED_PROXY_HOPS > 0;
  const host = (isBehindProxy ? list.get("x-forwarded-host")?.split(",").at(-1)?.trim() : undefined) || list.get("host") || `localhost:${env.PORT}`;
  const proto = isForwardedHttps({ forwardedProto: list.get("x-forwarded-proto"), trustedHops: env.TRUSTED_PROXY_HOPS }) ? "https" : "http";
  return `${proto}://${host}`;
}
