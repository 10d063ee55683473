import { describe, expect, it } from 'vitest';
import { allocateEqual, allocateProportional } from '../../src/sample/allocate.js';

const strata = (entries: Record<string, number>) => new Map(Object.entries(entries));
const allocated = (result: { key: string; allocated: number }[]) => Object.fromEntries(result.map((s) => [s.key, s.allocated]));

describe('allocateProportional (largest remainder)', () => {
  it('gives exact shares when they are whole', () => {
    expect(allocated(allocateProportional(strata({ chat: 600, email: 300, voice: 100 }), 50))).toEqual({ chat: 30, email: 15, voice: 5 });
  });

  it('hands leftover seats to the largest remainders', () => {
    // Quotas 4.2857, 2.8571, 2.8571 of 10 → floors 4, 2, 2; remainders .2857 < .8571 = .8571 → b and c get one each.
    expect(allocated(allocateProportional(strata({ a: 30, b: 20, c: 20 }), 10))).toEqual({ a: 4, b: 3, c: 3 });
  });

  it('breaks remainder ties by the larger stratum, then by key', () => {
    // Quotas 3.5, 1.0, 0.5: a and c tie on remainder, a is larger.
    expect(allocated(allocateProportional(strata({ a: 7, b: 2, c: 1 }), 5))).toEqual({ a: 4, b: 1, c: 0 });
    // Quotas 2.14, 1.43, 1.43: b and c tie on remainder and size, b comes first.
    expect(allocated(allocateProportional(strata({ a: 3, b: 2, c: 2 }), 5))).toEqual({ a: 2, b: 2, c: 1 });
    expect(allocated(allocateProportional(strata({ y: 1, x: 1, z: 1 }), 2))).toEqual({ x: 1, y: 1, z: 0 });
  });

  it('sums to the size, sorts by key, and takes everything when the size exceeds the population', () => {
    const result = allocateProportional(strata({ b: 997, a: 13, c: 1 }), 100);
    expect(result.map((s) => s.key)).toEqual(['a', 'b', 'c']);
    expect(result.reduce((sum, s) => sum + s.allocated, 0)).toBe(100);
    expect(allocated(allocateProportional(strata({ a: 3, b: 4 }), 50))).toEqual({ a: 3, b: 4 });
  });
});

describe('allocateEqual (with redistribution)', () => {
  it('splits evenly, with indivisible seats to the largest strata', () => {
    expect(allocated(allocateEqual(strata({ a: 100, b: 100, c: 100 }), 30))).toEqual({ a: 10, b: 10, c: 10 });
    expect(allocated(allocateEqual(strata({ a: 100, b: 200, c: 100 }), 31))).toEqual({ a: 10, b: 11, c: 10 });
  });

  it('gives a tiny stratum all it has and shares its unused seats among the rest', () => {
    expect(allocated(allocateEqual(strata({ chat: 1000, email: 1000, voice: 3 }), 30))).toEqual({ chat: 14, email: 13, voice: 3 });
  });

  it('redistributes repeatedly when a second stratum becomes too small', () => {
    // A share of 10 each: a (2) fits; then 38 over 3 → 12: b (8) fits; then 30 over 2 → 15 each.
    expect(allocated(allocateEqual(strata({ a: 2, b: 8, c: 50, d: 60 }), 40))).toEqual({ a: 2, b: 8, c: 15, d: 15 });
    expect(allocated(allocateEqual(strata({ a: 2, b: 8, c: 50, d: 60 }), 200))).toEqual({ a: 2, b: 8, c: 50, d: 60 });
  });
});
