import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/sample/index.js';
import { criticalValue, marginOfError, requiredSampleSize } from '../../src/sample/sample-size.js';

describe('normalQuantile (Acklam)', () => {
  it.each([
    // Reference values of Φ⁻¹ (R's qnorm), covering the central region and both tails.
    [0.5, 0],
    [0.9, 1.2815515655446004],
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.02, -2.0537489106318225],
    [0.001, -3.090232306167813],
    [1e-10, -6.361340902404056],
  ])('Φ⁻¹(%f) = %f to 1.15e-9 relative', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1.15e-9 * Math.abs(z) + 1e-15);
  });

  it('is antisymmetric and rejects p outside [0, 1]', () => {
    expect(normalQuantile(0.01)).toBeCloseTo(-normalQuantile(0.99), 12);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe('requiredSampleSize', () => {
  it('gives the textbook sizes', () => {
    // z = 1.959964: 1.959964² · 0.25 / 0.03² = 1067.07 → 1068.
    expect(requiredSampleSize({ margin: 0.03, confidence: 0.95 })).toBe(1068);
    expect(requiredSampleSize({ margin: 0.05, confidence: 0.95 })).toBe(385);
    // z = 2.575829: 6.634897 · 0.25 / 0.0009 = 1843.03 → 1844.
    expect(requiredSampleSize({ margin: 0.03, confidence: 0.99 })).toBe(1844);
    // p = 0.1: 3.841459 · 0.09 / 0.0009 = 384.15 → 385.
    expect(requiredSampleSize({ margin: 0.03, confidence: 0.95, proportion: 0.1 })).toBe(385);
  });

  it('applies the finite population correction', () => {
    // 1067.0718 / (1 + 1066.0718 / 5000) = 879.55 → 880.
    expect(requiredSampleSize({ margin: 0.03, confidence: 0.95, population: 5000 })).toBe(880);
    // 1067.0718 / (1 + 1066.0718 / 100) = 91.51 → 92.
    expect(requiredSampleSize({ margin: 0.03, confidence: 0.95, population: 100 })).toBe(92);
    expect(requiredSampleSize({ margin: 0.03, confidence: 0.95, population: 1 })).toBe(1);
    expect(requiredSampleSize({ margin: 0.03, confidence: 0.95, population: 0 })).toBe(0);
  });

  it('rejects margins, confidences and populations out of range', () => {
    expect(() => requiredSampleSize({ margin: 3, confidence: 0.95 })).toThrow(/margin must be a fraction/);
    expect(() => requiredSampleSize({ margin: 0.03, confidence: 95 })).toThrow(/confidence/);
    expect(() => requiredSampleSize({ margin: 0, confidence: 0.95 })).toThrow(RangeError);
    expect(() => requiredSampleSize({ margin: 0.03, confidence: 0.95, population: -1 })).toThrow(/population/);
  });
});

describe('marginOfError', () => {
  it('inverts requiredSampleSize', () => {
    expect(criticalValue(0.95)).toBeCloseTo(1.959964, 6);
    expect(marginOfError({ size: 1068, confidence: 0.95 })).toBeLessThanOrEqual(0.03);
    expect(marginOfError({ size: 1067, confidence: 0.95 })).toBeGreaterThan(0.03);
    expect(marginOfError({ size: 880, confidence: 0.95, population: 5000 })).toBeLessThanOrEqual(0.03);
    expect(marginOfError({ size: 879, confidence: 0.95, population: 5000 })).toBeGreaterThan(0.03);
    expect(marginOfError({ size: 400, confidence: 0.95 })).toBeCloseTo(0.049, 3);
  });

  it('is 0 for a census and Infinity for no sample', () => {
    expect(marginOfError({ size: 50, confidence: 0.95, population: 50 })).toBe(0);
    expect(marginOfError({ size: 0, confidence: 0.95 })).toBe(Infinity);
  });
});
