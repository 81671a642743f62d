import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { withLease } from "@/lib/db/with-lease";
import { createFlanksClient, type TFlanksClient } from "./client";
import { flanksClientConfigFromEnv } from "./client-config-from-env";
import { createDbTokenStore } from "./db-token-store";

let client: TFlanksClient | undefined;

/**
 * The per-process client. One token source matters: Flanks keeps only one valid token per app, so
 * every server process, on every host, and `npm run sync` beside them, take it from the database
 * and refresh it under a lease (db-token-store.ts, shared-token-manager.ts; decision 049).
 */
export function getFlanksClient(): TFlanksClient {
  if (!client) {
    const env = getEnv();
    client = createFlanksClient({
      ...flanksClientConfigFromEnv(env),
      tokenStore: createDbTokenStore({ db: getDb(), encryptionKey: env.encryptionKey, lease: withLease }),
      logger: {
        warn: (message, meta) => console.warn(`[flanks] ${message}`, meta ?? ""),
        error: (message, meta) => console.error(`[flanks] ${message}`, meta ?? ""),
      },
    });
  }
  return client;
}
