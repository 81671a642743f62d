import { describe, expect, it } from "vitest";
import { nextBucketState, type TRateLimitPolicy } from "./rate-limit";

const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 6, 0, 0) + minutes * MINUTE);
const WINDOW: TRateLimitPolicy = { limit: 3, windowMs: 15 * MINUTE };
const BACKOFF: TRateLimitPolicy = { limit: 5, windowMs: 24 * 60 * MINUTE, backoff: { baseMs: MINUTE, maxMs: 60 * MINUTE } };

/** Reserves `times` attempts in a row at `now`, as the database row would evolve. */
function reserveTimes(policy: TRateLimitPolicy, times: number, now: Date, start: ReturnType<typeof nextBucketState> | null = null) {
  let bucket = start && !("refused" in start) ? { ...start, isRefusalRecorded: false } : null;
  let last: ReturnType<typeof nextBucketState> = start ?? { refused: 0 };
  for (let index = 0; index < times; index++) {
    last = nextBucketState(bucket, policy, now);
    if (!("refused" in last)) bucket = { ...last, isRefusalRecorded: false };
  }
  return { last, bucket };
}

describe("nextBucketState: a fixed window per address", () => {
  it("refuses the attempt after the limit until the window ends, then starts a new one", () => {
    const { last, bucket } = reserveTimes(WINDOW, 4, at(0));
    expect(last).toEqual({ refused: 15 * MINUTE });
    expect(nextBucketState(bucket, WINDOW, at(10))).toEqual({ refused: 5 * MINUTE });
    expect(nextBucketState(bucket, WINDOW, at(15))).toEqual({ count: 1, windowStart: at(15), blockedUntil: null });
  });
});

describe("nextBucketState: per-account backoff", () => {
  it("lets 5 attempts through, then blocks 1, 2, 4… minutes, at most an hour", () => {
    const { last: fifth, bucket } = reserveTimes(BACKOFF, 5, at(0));
    expect(fifth).toEqual({ count: 5, windowStart: at(0), blockedUntil: at(1) });
    expect(nextBucketState(bucket, BACKOFF, at(0.5))).toEqual({ refused: 0.5 * MINUTE });
    const sixth = nextBucketState(bucket, BACKOFF, at(1));
    expect(sixth).toEqual({ count: 6, windowStart: at(0), blockedUntil: at(3) });
    const seventh = nextBucketState({ ...(sixth as { count: number; windowStart: Date; blockedUntil: Date }), isRefusalRecorded: false }, BACKOFF, at(3));
    expect(seventh).toEqual({ count: 7, windowStart: at(0), blockedUntil: at(7) });
    const many = nextBucketState({ count: 40, windowStart: at(0), blockedUntil: at(100), isRefusalRecorded: false }, BACKOFF, at(100));
    expect(many).toEqual({ count: 41, windowStart: at(0), blockedUntil: at(160) });
  });

  it("forgets old failures after a quiet day, but never shortens a block in force", () => {
    expect(nextBucketState({ count: 9, windowStart: at(0), blockedUntil: at(30), isRefusalRecorded: true }, BACKOFF, at(24 * 60 + 1))).toEqual({
      count: 1,
      windowStart: at(24 * 60 + 1),
      blockedUntil: null,
    });
    expect(nextBucketState({ count: 9, windowStart: at(0), blockedUntil: at(24 * 60 + 30), isRefusalRecorded: true }, BACKOFF, at(24 * 60 + 1))).toEqual({
      refused: 29 * MINUTE,
    });
  });
});
