import "server-only";
import { getEnv } from "@/lib/env";
import { createFlanksClient, type TFlanksClient } from "./client";

let client: TFlanksClient | undefined;

/**
 * The per-process client. One instance matters: it owns the cached access token, and Flanks keeps
 * only one valid token per app, so two clients would keep cancelling each other's token.
 */
export function getFlanksClient(): TFlanksClient {
  if (!client) {
    const env = getEnv();
    client = createFlanksClient({
      apiUrl: env.flanksApiUrl,
      clientId: env.flanksClientId,
      clientSecret: env.flanksClientSecret,
      jwe: env.FLANKS_JWE === "on",
      timeoutMs: env.FLANKS_TIMEOUT_MS,
      logger: {
        warn: (message, meta) => console.warn(`[flanks] ${message}`, meta ?? ""),
        error: (message, meta) => console.error(`[flanks] ${message}`, meta ?? ""),
      },
    });
  }
  return client;
}
