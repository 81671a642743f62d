import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { isForwardedHttps } from "@/lib/security/forwarded-proto";

/** The browser reached us over https: NEXTAUTH_URL says so, or a trusted proxy does (never the caller). */
export async function isHttpsRequest(): Promise<boolean> {
  const env = getEnv();
  if (env.isPublicUrlHttps) return true;
  return isForwardedHttps({ forwardedProto: (await headers()).get("x-forwarded-proto"), trustedHops: env.TRUSTED_PROXY_HOPS });
}
