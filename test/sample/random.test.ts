import { describe, expect, it } from 'vitest';
import { createRandom, createXoshiro128ss, randomInt } from '../../src/sample/random.js';
import { chiSquarePValue } from './chi-square.js';

describe('createXoshiro128ss', () => {
  it('matches the reference implementation for state {1, 2, 3, 4}', () => {
    const next = createXoshiro128ss([1, 2, 3, 4]);
    expect(Array.from({ length: 6 }, next)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });
});

describe('createRandom', () => {
  it('gives the same stream for the same seed, and treats 42 and "42" alike', () => {
    const a = createRandom('audit-2024-05');
    const b = createRandom('audit-2024-05');
    const draws = Array.from({ length: 50 }, a);
    expect(Array.from({ length: 50 }, b)).toEqual(draws);
    expect(Array.from({ length: 5 }, createRandom(42))).toEqual(Array.from({ length: 5 }, createRandom('42')));
  });

  it('gives different streams for different seeds', () => {
    const a = Array.from({ length: 5 }, createRandom('a'));
    const b = Array.from({ length: 5 }, createRandom('b'));
    expect(a).not.toEqual(b);
  });

  it('draws uniformly in [0, 1)', () => {
    const random = createRandom(7);
    const bins = new Array<number>(100).fill(0);
    const draws = 100_000;
    let outOfRange = 0;
    for (let i = 0; i < draws; i++) {
      const u = random();
      if (!(u >= 0 && u < 1)) outOfRange += 1;
      bins[Math.floor(u * 100)]! += 1;
    }
    expect(outOfRange).toBe(0);
    const expected = draws / 100;
    const statistic = bins.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    expect(chiSquarePValue(statistic, 99)).toBeGreaterThan(0.001);
  });

  it('randomInt stays in range', () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(randomInt(random, 7));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
