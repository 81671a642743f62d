import { describe, expect, it } from "vitest";
import { createTokenManager } from "./token-manager";

function manager(expiresIn = 3600) {
  let now = 1_000_000;
  let issued = 0;
  const tm = createTokenManager({
    now: () => now,
    fetchToken: async () => {
      issued += 1;
      const n = issued;
      await new Promise<void>((resolve) => setTimeout(resolve, 5));
      return { access_token: `tok-${n}`, expires_in: expiresIn, token_type: "Bearer" };
    },
  });
  return { tm, issued: () => issued, advance: (ms: number) => (now += ms) };
}

describe("token manager", () => {
  it("shares one refresh among concurrent callers and caches the token", async () => {
    const { tm, issued } = manager();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => tm.get()));
    expect(new Set(tokens)).toEqual(new Set(["tok-1"]));
    await tm.get();
    expect(issued()).toBe(1);
  });

  it("refreshes shortly before expires_in", async () => {
    const { tm, issued, advance } = manager(3600);
    await tm.get();
    advance(3600_000 - 61_000);
    expect(await tm.get()).toBe("tok-1");
    advance(2_000);
    expect(await tm.get()).toBe("tok-2");
    expect(issued()).toBe(2);
  });

  it("after a rejection, refreshes once for every caller that saw the stale token", async () => {
    const { tm, issued } = manager();
    const stale = await tm.get();
    const fresh = await Promise.all(Array.from({ length: 10 }, () => tm.refreshAfterRejection(stale)));
    expect(new Set(fresh)).toEqual(new Set(["tok-2"]));
    // A late caller with the same stale token gets the new one without another request.
    expect(await tm.refreshAfterRejection(stale)).toBe("tok-2");
    expect(issued()).toBe(2);
  });

  it("does not cache a failed refresh", async () => {
    let calls = 0;
    const tm = createTokenManager({
      fetchToken: async () => {
        calls += 1;
        if (calls === 1) throw new Error("down");
        return { access_token: "ok-token", expires_in: 60, token_type: "Bearer" };
      },
    });
    await expect(tm.get()).rejects.toThrow("down");
    await expect(tm.get()).resolves.toBe("ok-token");
  });
});
