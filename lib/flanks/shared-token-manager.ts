import type { TTokenResponse } from "./schemas/token";
import { refreshTimeOf, type TTokenManager } from "./token-manager";

/** A token as the instances share it: its value and when to stop using it (ms since the epoch). */
export type TSharedToken = { value: string; refreshAt: number };

/** Where the instances keep their one token (the database: lib/flanks/db-token-store.ts). */
export type TSharedTokenStore = {
  /** The stored token, or null when there is none or it cannot be opened (e.g. sealed under a rotated key). */
  read(): Promise<TSharedToken | null>;
  write(token: TSharedToken): Promise<void>;
  /** Runs `refresh` only if no other instance is refreshing (a lease); null at once otherwise. */
  exclusively<T>(refresh: () => Promise<T>): Promise<T | null>;
};

export type TSharedTokenManagerOptions = {
  fetchToken: () => Promise<TTokenResponse>;
  store: TSharedTokenStore;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** How often a process waiting for another instance's refresh re-reads the store. */
  pollMs?: number;
  /** How long to wait for another instance's refresh before giving up (its lease outlives a crash by its ttl). */
  waitMs?: number;
};

/**
 * One Flanks access token for every app instance (decision 049). Flanks keeps one valid token at a
 * time, so a token fetched by one instance cancels the others'. The token lives in the store; an
 * instance fetches a new one only under the store's lease and only after re-reading the store
 * under it, so any number of concurrent callers across instances make one token request. A 401
 * re-reads the store first: the rejected token was most likely replaced by another instance.
 * Within a process, callers share one store read or refresh in flight.
 */
export function createSharedTokenManager(options: TSharedTokenManagerOptions): TTokenManager {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pollMs = options.pollMs ?? 100;
  const waitMs = options.waitMs ?? 60_000;
  const { store } = options;
  let current: TSharedToken | undefined;
  let inFlight: Promise<string> | undefined;

  const isUsable = (token: TSharedToken | null | undefined, rejected: string | null): token is TSharedToken =>
    token !== null && token !== undefined && now() < token.refreshAt && token.value !== rejected;
  const adopt = (token: TSharedToken) => ((current = token), token.value);

  /** The stored token unless it is the rejected one or used up; else a new one, fetched by this instance or by another. */
  async function obtain(rejected: string | null): Promise<string> {
    const giveUpAt = now() + waitMs;
    for (;;) {
      const stored = await store.read();
      if (isUsable(stored, rejected)) return adopt(stored);
      const refreshed = await store.exclusively(async () => {
        // Another instance may have stored a new token between the read above and taking the lease.
        const again = await store.read();
        if (isUsable(again, rejected)) return adopt(again);
        const response = await options.fetchToken();
        const token = { value: response.access_token, refreshAt: refreshTimeOf(response, now()) };
        await store.write(token);
        return adopt(token);
      });
      if (refreshed !== null) return refreshed;
      if (now() >= giveUpAt) throw new Error("Flanks token: another instance is refreshing it and has not stored a new one");
      await sleep(pollMs);
    }
  }

  const shared = (rejected: string | null): Promise<string> => {
    inFlight ??= obtain(rejected).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  return {
    get() {
      if (isUsable(current, null)) return Promise.resolve(current.value);
      return inFlight ?? shared(null);
    },
    async refreshAfterRejection(staleToken) {
      if (current?.value === staleToken) current = undefined;
      if (isUsable(current, staleToken)) return current.value;
      // A read in flight may bring back the very token that was rejected: then ask again, excluding it.
      const joined = inFlight ? await inFlight.catch(() => null) : null;
      if (joined !== null && joined !== staleToken) return joined;
      return shared(staleToken);
    },
    clear() {
      current = undefined;
    },
  };
}
