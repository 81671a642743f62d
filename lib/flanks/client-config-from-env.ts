import type { TAppEnv } from "@/lib/config/parse-env";
import type { TFlanksClientConfig } from "./client";

/** The Flanks client settings the configuration names. */
export function flanksClientConfigFromEnv(env: TAppEnv): Pick<TFlanksClientConfig, "apiUrl" | "clientId" | "clientSecret" | "jwe" | "timeoutMs"> {
  return {
    apiUrl: env.flanksApiUrl,
    clientId: env.flanksClientId,
    clientSecret: env.flanksClientSecret,
    jwe: env.FLANKS_JWE === "on",
    timeoutMs: env.FLANKS_TIMEOUT_MS,
  };
}
