import type { TTokenResponse } from "./schemas/token";

export type TTokenManager = {
  /** A valid access token: the cached one, or the result of the one refresh in flight. */
  get(): Promise<string>;
  /**
   * The server rejected `staleToken` (401). Refreshes once for all callers that saw that token:
   * if another caller already replaced it, its replacement is returned without a new request.
   */
  refreshAfterRejection(staleToken: string): Promise<string>;
  /** Drops the cached token (tests, secret rotation). */
  clear(): void;
};

export type TTokenManagerOptions = {
  fetchToken: () => Promise<TTokenResponse>;
  /** Called with each new token so logs and errors can redact it. */
  onToken?: (token: string) => void;
  now?: () => number;
};

/** When to stop using a token fetched at `fetchedAt`: a little early, 60 s or 10 % of a short lifetime. */
export function refreshTimeOf(response: TTokenResponse, fetchedAt: number): number {
  const lifetimeMs = response.expires_in * 1000;
  return fetchedAt + lifetimeMs - Math.min(60_000, lifetimeMs * 0.1);
}

/**
 * Flanks keeps one valid access token per app: requesting a new one cancels the previous, so two
 * refreshes racing would leave half the callers with a dead token. Hence a single in-flight
 * promise shared by every caller, and a refresh margin so a token is not used in its last seconds.
 */
export function createTokenManager(options: TTokenManagerOptions): TTokenManager {
  const now = options.now ?? Date.now;
  let current: { value: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  const refresh = (): Promise<string> => {
    inFlight ??= (async () => {
      try {
        const response = await options.fetchToken();
        current = { value: response.access_token, refreshAt: refreshTimeOf(response, now()) };
        options.onToken?.(response.access_token);
        return response.access_token;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  return {
    get() {
      if (inFlight) return inFlight;
      if (current && now() < current.refreshAt) return Promise.resolve(current.value);
      return refresh();
    },
    refreshAfterRejection(staleToken) {
      if (inFlight) return inFlight;
      if (current && current.value !== staleToken && now() < current.refreshAt) return Promise.resolve(current.value);
      current = undefined;
      return refresh();
    },
    clear() {
      current = undefined;
    },
  };
}
