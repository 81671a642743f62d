import type { PrismaClient } from "@/lib/db/create-prisma-client";
import { openTokenWithKey, sealTokenWithKey } from "@/lib/crypto/token-sealing";
import type { TSharedToken, TSharedTokenStore } from "./shared-token-manager";

/** The one row: the app has one Flanks access token. */
const ROW_ID = "flanks";
/** The lease under which one instance at a time asks Flanks for a token (renewed while the request runs). */
export const TOKEN_REFRESH_LEASE = "flanks:access-token";
const TOKEN_REFRESH_LEASE_MS = 60_000;

type TLease = <T>(name: string, ttlMs: number, work: () => Promise<T>) => Promise<T | null>;

/**
 * The shared Flanks access token in the database (table FlanksAccessToken), sealed at rest like the
 * credentials tokens (AES-256-GCM under ENCRYPTION_KEY, purpose and row bound into it: SECURITY.md).
 * A value that no longer opens (the key was rotated) reads as no token: the next caller fetches one.
 */
export function createDbTokenStore({ db, encryptionKey, lease }: { db: PrismaClient; encryptionKey: string; lease: TLease }): TSharedTokenStore {
  return {
    async read(): Promise<TSharedToken | null> {
      const row = await db.flanksAccessToken.findUnique({ where: { id: ROW_ID } });
      if (!row) return null;
      try {
        return { value: openTokenWithKey(row.tokenEnc, "flanks_access_token", encryptionKey, { rowId: ROW_ID }), refreshAt: row.refreshAt.getTime() };
      } catch {
        return null;
      }
    },
    async write(token) {
      const tokenEnc = sealTokenWithKey(token.value, "flanks_access_token", encryptionKey, { rowId: ROW_ID });
      const data = { tokenEnc, refreshAt: new Date(token.refreshAt), fetchedAt: new Date() };
      await db.flanksAccessToken.upsert({ where: { id: ROW_ID }, create: { id: ROW_ID, ...data }, update: data });
    },
    exclusively: (refresh) => lease(TOKEN_REFRESH_LEASE, TOKEN_REFRESH_LEASE_MS, refresh),
  };
}
