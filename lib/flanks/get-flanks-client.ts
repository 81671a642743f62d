import "server-only";
import cluster from "node:cluster";
import { getEnv } from "@/lib/env";
import { createFlanksClient, type TFlanksClient } from "./client";
import { flanksClientConfigFromEnv } from "./client-config-from-env";
import { createRemoteTokenManager } from "./token-broker";

let client: TFlanksClient | undefined;

/**
 * The per-process client. One token source matters: Flanks keeps only one valid token per app, so
 * two would keep cancelling each other's token. A server worker (scripts/serve.ts is what forks
 * them) therefore asks the primary process for its token instead of holding one (token-broker.ts).
 */
export function getFlanksClient(): TFlanksClient {
  if (!client) {
    const env = getEnv();
    client = createFlanksClient({
      ...flanksClientConfigFromEnv(env),
      tokenManager: cluster.isWorker ? createRemoteTokenManager({ send: (message) => process.send?.(message), onMessage: (handler) => process.on("message", handler) }) : undefined,
      logger: {
        warn: (message, meta) => console.warn(`[flanks] ${message}`, meta ?? ""),
        error: (message, meta) => console.error(`[flanks] ${message}`, meta ?? ""),
      },
    });
  }
  return client;
}
