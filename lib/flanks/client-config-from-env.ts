import type { TAppEnv } from "@/lib/config/parse-env";
import type { TFlanksClientConfig } from "./client";

/** The Flanks client settings the configuration names: the same for a server worker's client and for the primary's token source (scripts/serve.ts). */
export function flanksClientConfigFromEnv(env: TAppEnv): Pick<TFlanksClientConfig, "apiUrl" | "clientId" | "clientSecret" | "jwe" | "timeoutMs"> {
  return { apiUrl: env.flanksApiUrl, clientId: env.flanksClientId, clientSecret: env.flanksClientSecret, jwe: env.FLANKS_JWE === "on", timeoutMs: env.FLANKS_TIMEOUT_MS };
}
