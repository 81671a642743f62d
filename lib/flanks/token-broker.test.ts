import { describe, expect, it } from "vitest";
import { createRemoteTokenManager, createTokenBroker } from "./token-broker";
import { createTokenManager } from "./token-manager";

/** A primary with one real token manager, and `workers` processes talking to it over a fake IPC channel. */
function setUp(workers: number, fetchToken: () => Promise<{ access_token: string; expires_in: number; token_type: string }>) {
  const primary = createTokenManager({ fetchToken });
  const answer = createTokenBroker(primary);
  return Array.from({ length: workers }, () => {
    let deliver: (message: unknown) => void = () => undefined;
    return createRemoteTokenManager({
      // Asynchronous both ways, like process.send.
      send: (message) => void Promise.resolve().then(() => answer(message)).then((reply) => reply && setTimeout(() => deliver(reply))),
      onMessage: (handler) => {
        deliver = (message) => {
          handler({ kind: "someone-else", id: 1 }); // other IPC traffic is ignored
          handler(message);
        };
      },
    });
  });
}

describe("token broker (one Flanks token for every server process)", () => {
  it("20 concurrent calls from two workers make one token request", async () => {
    let requests = 0;
    const [a, b] = setUp(2, async () => ({ access_token: `t${++requests}`, expires_in: 3600, token_type: "Bearer" }));
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a! : b!).get()));
    expect(requests).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(["t1"]));
  });

  it("a rejected token is replaced once, whichever workers saw it rejected", async () => {
    let requests = 0;
    const [a, b] = setUp(2, async () => ({ access_token: `t${++requests}`, expires_in: 3600, token_type: "Bearer" }));
    const stale = await a!.get();
    const [fromA, fromB] = await Promise.all([a!.refreshAfterRejection(stale), b!.refreshAfterRejection(stale)]);
    expect([fromA, fromB]).toEqual(["t2", "t2"]);
    expect(requests).toBe(2);
    // A worker rejecting an older token than the current one gets the current one, with no request.
    expect(await b!.refreshAfterRejection(stale)).toBe("t2");
    expect(requests).toBe(2);
  });

  it("a failed token request reaches the worker as an error, and the next call tries again", async () => {
    let requests = 0;
    const [a] = setUp(1, async () => {
      if (++requests === 1) throw new Error("Flanks answered 503");
      return { access_token: "t-ok", expires_in: 3600, token_type: "Bearer" };
    });
    await expect(a!.get()).rejects.toThrow(/503/);
    await expect(a!.get()).resolves.toBe("t-ok");
  });

  it("a primary that never answers fails the call instead of hanging it", async () => {
    const silent = createRemoteTokenManager({ send: () => undefined, onMessage: () => undefined }, { timeoutMs: 20 });
    await expect(silent.get()).rejects.toThrow(/did not answer/);
  });
});
