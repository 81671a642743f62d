import "server-only";
import { getFlanksClient } from "@/lib/flanks/get-flanks-client";

const TTL_MS = 6 * 60 * 60 * 1000;
const RETRY_AFTER_FAILURE_MS = 60 * 1000;

let cache: { names: Map<string, string>; expiresAt: number } | undefined;

/**
 * The display name of a Flanks entity id, from bank/available, read at most every few hours and
 * only from background work (status refreshes), never while rendering a page.
 */
export async function bankDisplayName(entityId: string): Promise<string | null> {
  if (!cache || cache.expiresAt < Date.now()) {
    try {
      const banks = await getFlanksClient().getAvailableBanks();
      cache = { names: new Map(banks.map((bank) => [bank.id, bank.name])), expiresAt: Date.now() + TTL_MS };
    } catch {
      cache = { names: cache?.names ?? new Map(), expiresAt: Date.now() + RETRY_AFTER_FAILURE_MS };
    }
  }
  return cache.names.get(entityId) ?? null;
}
