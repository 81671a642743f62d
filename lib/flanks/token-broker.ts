import type { TTokenManager } from "./token-manager";

/**
 * One Flanks access token for every server process (docs/decisions/034). Flanks keeps one valid
 * token per app, so workers each holding their own would cancel each other's. The primary process
 * owns the only token manager; workers ask it over the cluster's IPC channel and cache nothing:
 * an IPC round trip is far cheaper than the Flanks call it authorises.
 */
const KIND = "patrimonio:flanks-token";

type TRequest = { kind: typeof KIND; id: number; stale: string | null };
type TReply = { kind: typeof KIND; id: number; token: string } | { kind: typeof KIND; id: number; error: string };

const isRequest = (message: unknown): message is TRequest => typeof message === "object" && message !== null && (message as TRequest).kind === KIND && typeof (message as TRequest).id === "number";

/** Primary side: answers one worker's message, or returns undefined for a message that is not ours. */
export function createTokenBroker(manager: TTokenManager) {
  return async (message: unknown): Promise<TReply | undefined> => {
    if (!isRequest(message)) return undefined;
    try {
      const token = message.stale === null ? await manager.get() : await manager.refreshAfterRejection(message.stale);
      return { kind: KIND, id: message.id, token };
    } catch (error) {
      // The worker rebuilds the error; the message is the client's own (already redacted).
      return { kind: KIND, id: message.id, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

export type TTokenTransport = {
  send: (message: TRequest) => void;
  /** Registers the handler of the primary's replies. */
  onMessage: (handler: (message: unknown) => void) => void;
};

/** Worker side: a token manager whose every call is answered by the primary's. */
export function createRemoteTokenManager(transport: TTokenTransport, { timeoutMs = 60_000 } = {}): TTokenManager {
  let nextId = 1;
  const pending = new Map<number, { resolve: (token: string) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  transport.onMessage((message) => {
    const reply = message as TReply;
    if (typeof message !== "object" || message === null || reply.kind !== KIND) return;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    clearTimeout(waiter.timer);
    if ("token" in reply) waiter.resolve(reply.token);
    else waiter.reject(new Error(`Flanks token (from the primary process): ${reply.error}`));
  });
  const ask = (stale: string | null) =>
    new Promise<string>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error("Flanks token: the primary process did not answer"));
      }, timeoutMs);
      timer.unref?.();
      pending.set(id, { resolve, reject, timer });
      transport.send({ kind: KIND, id, stale });
    });
  return {
    get: () => ask(null),
    refreshAfterRejection: (staleToken) => ask(staleToken),
    clear: () => undefined,
  };
}
