import { createHash } from 'node:crypto';

/** A source of uniform doubles in [0, 1). Deterministic for a given seed. */
export type Random = () => number;

/**
 * A seeded PRNG: xoshiro128** (Blackman & Vigna 2018).
 *
 * Why this one: it works on 32-bit words, so it runs on `Math.imul` and `>>>` without BigInt;
 * it passes BigCrush; its period (2^128 − 1) dwarfs any log we will sample; and its reference
 * implementation is short, so another tool (or a Python notebook) can reproduce a sample exactly.
 *
 * Seeding: the seed is rendered as text (`42` and `"42"` are the same seed, since the CLI
 * receives text), hashed with SHA-256 over its UTF-8 bytes, and the first 16 bytes become the four
 * little-endian state words. A hash rather than splitmix over a 32-bit number lets every string
 * seed select its own stream, and SHA-256 is specified everywhere.
 *
 * Each draw combines two 32-bit outputs into a 53-bit fraction, so every double in [0, 1) that is
 * a multiple of 2^-53 is equally likely (`genrand_res53` from the Mersenne Twister reference code, also used by numpy).
 */
export function createRandom(seed: string | number): Random {
  const digest = createHash('sha256').update(String(seed), 'utf8').digest();
  const next = createXoshiro128ss([
    digest.readUInt32LE(0),
    digest.readUInt32LE(4),
    digest.readUInt32LE(8),
    digest.readUInt32LE(12),
  ]);
  return () => {
    const high = next() >>> 5; // 27 bits
    const low = next() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992; // (high·2^26 + low) / 2^53
  };
}

/**
 * A uniform integer in [0, n). With 53-bit draws the bias of `floor(u·n)` is below n/2^53,
 * far under anything a sample of conversations could reveal.
 */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/**
 * The raw xoshiro128** generator over a 128-bit state of four uint32 words; returns uint32 outputs.
 * Exposed so tests can check it against the reference implementation's vectors.
 */
export function createXoshiro128ss(state: readonly [number, number, number, number]): () => number {
  let [s0, s1, s2, s3] = state.map((word) => word >>> 0) as [number, number, number, number];
  // The all-zero state is xoshiro's one fixed point; a seed digest starting with 16 zero bytes
  // will not happen, but the guard costs nothing.
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  return () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
