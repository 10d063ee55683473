import { describe, expect, it } from 'vitest';
import { chiSquareCdf } from './chi-square.js';

describe('chiSquareCdf (test helper)', () => {
  it.each([
    // Critical values from standard tables: P(X ≤ x) for the given degrees of freedom.
    [3.841458820694124, 1, 0.95],
    [6.634896601021214, 1, 0.99],
    [16.918977604620448, 9, 0.95],
    [123.22522145336181, 99, 0.95],
    [148.23049234297814, 99, 0.999],
    [98.33412, 99, 0.5],
  ])('CDF(%f; %i) = %f', (x, degrees, p) => {
    expect(chiSquareCdf(x, degrees)).toBeCloseTo(p, 5);
  });
});
