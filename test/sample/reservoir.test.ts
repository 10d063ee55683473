import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/sample/random.js';
import { Reservoir, reservoirSample } from '../../src/sample/reservoir.js';
import { inclusionChiSquare } from './chi-square.js';

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Inclusion count of each item over `repetitions` samples, each with its own derived seed. */
function inclusionCounts(population: number, size: number, repetitions: number, label: string): number[] {
  const counts = new Array<number>(population).fill(0);
  for (let rep = 0; rep < repetitions; rep++) {
    const reservoir = new Reservoir<number>(size, createRandom(`${label}:${rep}`));
    for (let i = 0; i < population; i++) reservoir.offer(i);
    for (const { item } of reservoir.drain()) counts[item]! += 1;
  }
  return counts;
}

async function* stream<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

describe('Reservoir (Algorithm L)', () => {
  it('includes every item with equal probability: 10 of 100 over 20,000 seeds', () => {
    const counts = inclusionCounts(100, 10, 20_000, 'uniform-10-of-100');
    expect(counts.reduce((a, b) => a + b, 0)).toBe(200_000);
    const { pValue } = inclusionChiSquare(counts, 10, 20_000);
    expect(pValue).toBeGreaterThan(0.001);
  });

  it('stays uniform deep into a long stream, where it skips: 3 of 1,000 over 10,000 seeds', () => {
    const counts = inclusionCounts(1000, 3, 10_000, 'uniform-3-of-1000');
    const { pValue } = inclusionChiSquare(counts, 3, 10_000);
    expect(pValue).toBeGreaterThan(0.001);
    // The tail is where a wrong skip formula shows: the last tenth should hold about a tenth.
    const tail = counts.slice(900).reduce((a, b) => a + b, 0);
    expect(tail / 30_000).toBeGreaterThan(0.09);
    expect(tail / 30_000).toBeLessThan(0.11);
  });

  it('the uniformity test has power: a sampler biased to early items fails it', () => {
    const counts = new Array<number>(100).fill(0);
    const random = createRandom('biased');
    for (let rep = 0; rep < 20_000; rep++) {
      // Algorithm R with an off-by-one (j drawn from [0, i) instead of [0, i]) favours late items.
      const slots = range(10);
      for (let i = 10; i < 100; i++) {
        const j = Math.floor(random() * i);
        if (j < 10) slots[j] = i;
      }
      for (const item of slots) counts[item]! += 1;
    }
    expect(inclusionChiSquare(counts, 10, 20_000).pValue).toBeLessThan(0.001);
  });

  it('never holds more than its capacity', () => {
    const reservoir = new Reservoir<number>(50, createRandom('memory'));
    let maxHeld = 0;
    for (let i = 0; i < 100_000; i++) {
      reservoir.offer(i);
      maxHeld = Math.max(maxHeld, reservoir.held);
    }
    expect(maxHeld).toBe(50);
    expect(reservoir.peakHeld).toBe(50);
    expect(reservoir.seen).toBe(100_000);
  });

  it('applies `retain` only to the items it keeps, which after filling are few (Algorithm L skips)', () => {
    let retained = 0;
    const reservoir = new Reservoir<number>(10, createRandom('retain'), {
      retain: (item) => {
        retained += 1;
        return item * 2;
      },
    });
    for (let i = 0; i < 100_000; i++) reservoir.offer(i);
    expect(reservoir.drain().every(({ seq, item }) => item === seq * 2)).toBe(true);
    // Expected kept items: 10 · (1 + ln(100000/10)) ≈ 102; Algorithm R would offer a slot to every item.
    expect(retained).toBeGreaterThan(10);
    expect(retained).toBeLessThan(300);
  });

  it('keeps everything when the stream is shorter than the capacity, and nothing at capacity 0', () => {
    const small = new Reservoir<string>(10, createRandom(1));
    for (const item of ['a', 'b', 'c']) small.offer(item);
    expect(small.drain().map((e) => e.item)).toEqual(['a', 'b', 'c']);
    const none = new Reservoir<string>(0, createRandom(1));
    none.offer('a');
    expect(none.drain()).toEqual([]);
    expect(none.seen).toBe(1);
    expect(() => new Reservoir(-1, createRandom(1))).toThrow(RangeError);
    expect(() => new Reservoir(2.5, createRandom(1))).toThrow(RangeError);
  });
});

describe('reservoirSample', () => {
  it('returns the sample in input order, with the count seen and the memory high-water mark', async () => {
    const result = await reservoirSample(stream(range(10_000)), 25, createRandom('order'));
    expect(result.seen).toBe(10_000);
    expect(result.sample).toHaveLength(25);
    expect(result.sample).toEqual([...result.sample].sort((a, b) => a - b));
    expect(new Set(result.sample).size).toBe(25);
    expect(result.peakHeld).toBe(25);
  });

  it('is reproducible: same seed → same sample; different seed → different sample', async () => {
    const a = await reservoirSample(stream(range(5000)), 20, createRandom('s1'));
    const b = await reservoirSample(range(5000), 20, createRandom('s1'));
    const c = await reservoirSample(range(5000), 20, createRandom('s2'));
    expect(b.sample).toEqual(a.sample);
    expect(c.sample).not.toEqual(a.sample);
  });

  it('handles an empty stream', async () => {
    expect(await reservoirSample(stream([]), 5, createRandom(1))).toEqual({ sample: [], seen: 0, peakHeld: 0 });
  });
});
