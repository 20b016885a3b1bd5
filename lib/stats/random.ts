// Seeded pseudo-random numbers for the deterministic demo generators (synthetic survey, assets).
// Math.random cannot be seeded, and the demo data must be identical on every machine and every run,
// so we use mulberry32 (a small, fast 32-bit generator, ample for simulation) seeded by cyrb53,
// a good 53-bit string hash, so that readable seeds such as "civic-pulse-survey-v1" can be used.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Normally distributed (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** A uniformly chosen element; throws on an empty array. */
  pick<T>(items: readonly T[]): T;
  /** Number of successes in n independent trials with probability p (exact: sums n draws). */
  binomial(n: number, p: number): number;
}

/** cyrb53 string hash (public domain, bryc): 53-bit, well mixed; used only to turn seeds into state. */
export function hashString(text: string, salt = 0): number {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** mulberry32 (public domain, Tommy Ettinger): uniform numbers in [0, 1) from a 32-bit state. */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A deterministic generator. Numbers and strings are both hashed as text, so createRandom(42) and
 * createRandom("42") give the same stream; derive independent streams with keyed seeds such as
 * `${seed}|ward|${code}` so that adding one ward does not reshuffle every other ward.
 */
export function createRandom(seed: number | string): Random {
  const next = mulberry32(hashString(String(seed)) >>> 0);

  function normal(mean = 0, sd = 1): number {
    // 1 - next() is in (0, 1], so the logarithm is finite.
    const u = 1 - next();
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  function int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): bounds must be integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  }

  function pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick() from an empty array");
    return items[Math.floor(next() * items.length)] as T;
  }

  function binomial(n: number, p: number): number {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomial: n must be a non-negative integer, got ${n}`);
    if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial: p must be in [0, 1], got ${p}`);
    let successes = 0;
    for (let i = 0; i < n; i++) if (next() < p) successes++;
    return successes;
  }

  return { next, normal, int, pick, binomial };
}
