import { describe, expect, it } from "vitest";
import { LruCache } from "./lru-cache";

describe("LruCache", () => {
  it("never holds more than maxEntries", () => {
    const cache = new LruCache<number, number>(3);
    for (let i = 0; i < 100; i++) cache.set(i, i);
    expect(cache.size).toBe(3);
    expect([97, 98, 99].map((k) => cache.get(k))).toEqual([97, 98, 99]);
    expect(cache.get(96)).toBeUndefined();
  });

  it("evicts the least recently used entry, not the oldest inserted", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1);
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
  });

  it("replaces a key without growing", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("a", 2);
    expect(cache.size).toBe(1);
    expect(cache.get("a")).toBe(2);
  });

  it("rejects a size that would not bound anything", () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
