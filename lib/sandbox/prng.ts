// Deterministic pseudo-random numbers: the same seed string always yields the same sequence,
// so a test (or the later sync work) can predict every generated value.

/** 32-bit FNV-1a style string hash followed by a murmur finaliser (good spread for short keys). */
export function hashString(text: string): number {
  return finalize(fnv(0x811c9dc5, text));
}

function fnv(state: number, text: string): number {
  let h = state;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** Mixes two 32-bit integers into one; used to derive a per-index stream without hashing strings. */
export function mix32(a: number, b: number): number {
  return finalize((a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0);
}

function finalize(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

export type TRng = {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  float(min: number, max: number, decimals?: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  digits(count: number): string;
};

/** Helpers shared by both generators; methods live on the prototype because a 100 000-record history creates one stream per record. */
abstract class BaseRng implements TRng {
  abstract next(): number;

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number, decimals = 2): number {
    return roundTo(min + this.next() * (max - min), decimals);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  digits(count: number): string {
    let out = "";
    for (let i = 0; i < count; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }
}

/** sfc32 seeded through splitmix, so nearby seeds diverge at once. */
class Sfc32 extends BaseRng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    super();
    let s = seed >>> 0;
    const split = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      return finalize(s);
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    for (let i = 0; i < 8; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }
}

/** mulberry32: no warm-up needed when the seed is already a well-mixed 32-bit value. */
class Mulberry32 extends BaseRng {
  private state: number;

  constructor(seed32: number) {
    super();
    this.state = seed32 >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

export function createRng(seed: number | string): TRng {
  return new Sfc32(typeof seed === "string" ? hashString(seed) : seed);
}

/** The cheap per-record stream. */
export function createFastRng(seed32: number): TRng {
  return new Mulberry32(seed32);
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Money as a JSON number with at most two decimals. */
export const money = (value: number): number => roundTo(value, 2);

/** A short hex id derived from parts (stable: ids are a function of the credentials token and the record). */
export function hexId(...parts: (string | number)[]): string {
  return hexIdsOf(...parts.slice(0, -1))(parts.at(-1) ?? "");
}

/**
 * `hexIdsOf(...prefix)(last)` = `hexId(...prefix, last)`. FNV is a running hash, so the shared prefix
 * (a credentials token) is hashed once instead of three times per generated record.
 */
export function hexIdsOf(...prefix: (string | number)[]): (last: string | number) => string {
  const head = prefix.length === 0 ? "" : `${prefix.join("|")}|`;
  // = hashString(`${i}#${key}`) for i = 0, 1, 2, without building those strings.
  const states = [0, 1, 2].map((i) => fnv(fnv(0x811c9dc5, `${i}#`), head));
  return (last) => {
    const tail = String(last);
    let out = "";
    for (const state of states) out += finalize(fnv(state, tail)).toString(16).padStart(8, "0");
    return out;
  };
}
