import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  bootstrapInterval,
  cohenKappa,
  confusionMatrix,
  krippendorffAlpha,
  percentile,
  spearman,
  wilsonInterval,
} from '../../src/calibrate/statistics/index.js';

describe('cohenKappa', () => {
  it('gives 0.4 for the yes/no example on Wikipedia ("Cohen\'s kappa", 20/5/10/15 of 50)', () => {
    // Rows: rater A yes/no; columns: rater B yes/no.
    expect(cohenKappa([[20, 5], [10, 15]])).toBeCloseTo(0.4, 12);
  });

  it('gives 0.6875 for scikit-learn\'s documented cohen_kappa_score example', () => {
    // y1 = neg pos neg neu pos, y2 = neg pos neg neu neg (categories neg, neu, pos).
    const y1 = [0, 2, 0, 1, 2];
    const y2 = [0, 2, 0, 1, 0];
    expect(cohenKappa(confusionMatrix(y1, y2, 3))).toBeCloseTo(0.6875, 12);
  });

  it('quadratic weights: a hand-computed case (16/17)', () => {
    // x = 1 2 3 4 5, y = 1 2 3 4 4. Observed Σ(x−y)² = 1. Expected Σ_x,y (x−y)²/N with x uniform
    // over 1..5 and y = {1,2,3,4,4}: (30 + 15 + 10 + 15 + 15)/5 = 17. κ_w = 1 − 1/17 = 16/17.
    const matrix = confusionMatrix([0, 1, 2, 3, 4], [0, 1, 2, 3, 3], 5);
    expect(cohenKappa(matrix, 'quadratic')).toBeCloseTo(16 / 17, 12);
  });

  it('quadratic weights equal the moment form 2·s_xy / (s_x² + s_y² + (x̄ − ȳ)²) (Cohen 1968; Schuster 2004)', () => {
    const x = [1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 1, 2, 4, 3, 5, 2];
    const y = [1, 1, 2, 3, 4, 3, 4, 5, 5, 4, 2, 2, 3, 3, 5, 1];
    const n = x.length;
    const mx = x.reduce((s, v) => s + v, 0) / n;
    const my = y.reduce((s, v) => s + v, 0) / n;
    const sxy = x.reduce((s, v, i) => s + (v - mx) * (y[i]! - my), 0) / n;
    const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0) / n;
    const syy = y.reduce((s, v) => s + (v - my) ** 2, 0) / n;
    const moment = (2 * sxy) / (sxx + syy + (mx - my) ** 2);
    const kappa = cohenKappa(confusionMatrix(x.map((v) => v - 1), y.map((v) => v - 1), 5), 'quadratic');
    expect(kappa).toBeCloseTo(moment, 12);
  });

  it('is undefined (null) with no items or no chance disagreement', () => {
    expect(cohenKappa([[0, 0], [0, 0]])).toBeNull();
    expect(cohenKappa([[7, 0], [0, 0]])).toBeNull();
  });
});

describe('wilsonInterval (reused from findings/statistics)', () => {
  it('matches Newcombe (1998) for 81/263: 0.2553–0.3662', () => {
    const ci = wilsonInterval(81, 263);
    expect(ci.low).toBeCloseTo(0.2553, 4);
    expect(ci.high).toBeCloseTo(0.3662, 4);
  });
});

describe('krippendorffAlpha', () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
  // 12 units, values 1–5, missing data (null). Published: nominal 0.743, ordinal 0.815, interval 0.849.
  const table: (number | null)[][] = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];
  const units = table[0]!.map((_, u) => table.map((row) => row[u]).filter((v): v is number => v !== null));

  it('nominal α = 0.743', () => expect(krippendorffAlpha(units, 'nominal')).toBeCloseTo(0.743, 3));
  it('ordinal α = 0.815', () => expect(krippendorffAlpha(units, 'ordinal')).toBeCloseTo(0.815, 3));
  it('interval α = 0.849', () => expect(krippendorffAlpha(units, 'interval')).toBeCloseTo(0.849, 3));

  it('takes string categories for nominal data and is null without pairable values or variation', () => {
    expect(krippendorffAlpha([['ok', 'ok'], ['drift', 'drift'], ['ok', 'ok']], 'nominal')).toBe(1);
    expect(krippendorffAlpha([['ok'], ['drift']], 'nominal')).toBeNull();
    expect(krippendorffAlpha([[3, 3], [3, 3]], 'interval')).toBeNull();
  });
});

describe('spearman', () => {
  it('averages tied ranks', () => {
    expect(averageRanks([10, 20, 20, 30, 10])).toEqual([1.5, 3.5, 3.5, 5, 1.5]);
  });

  it('matches scipy.stats.spearmanr on data with ties', () => {
    // scipy 1.17.1: spearmanr([1,2,2,3,4,4,4,5], [2,1,3,3,5,4,4,5]).statistic
    expect(spearman([1, 2, 2, 3, 4, 4, 4, 5], [2, 1, 3, 3, 5, 4, 4, 5])).toBeCloseTo(0.9063208090792971, 12);
    // scipy 1.17.1: spearmanr([3.2,4.0,4.0,2.5,1.0,3.2,5.0], [3,4,5,2,1,3,4]).statistic
    expect(spearman([3.2, 4.0, 4.0, 2.5, 1.0, 3.2, 5.0], [3, 4, 5, 2, 1, 3, 4])).toBeCloseTo(0.9166666666666669, 12);
  });

  it('matches the Wikipedia "Spearman\'s rank correlation coefficient" IQ / TV-hours example (ρ = −29/165)', () => {
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 12);
  });

  it('is null for a constant side', () => expect(spearman([1, 2, 3], [2, 2, 2])).toBeNull());
});

describe('bootstrapInterval', () => {
  const values = [1, 4, 2, 5, 3, 3, 4, 2, 5, 1, 2, 3];
  const mean = (idx: readonly number[]) => idx.reduce((s, i) => s + values[i]!, 0) / idx.length;

  it('is deterministic for a seed and brackets the estimate', () => {
    const a = bootstrapInterval(values.length, mean, { resamples: 500, seed: 'x' });
    const b = bootstrapInterval(values.length, mean, { resamples: 500, seed: 'x' });
    expect(a).toEqual(b);
    expect(a.low!).toBeLessThan(35 / 12);
    expect(a.high!).toBeGreaterThan(35 / 12);
    expect(bootstrapInterval(values.length, mean, { resamples: 500, seed: 'y' })).not.toEqual(a);
  });

  it('gives null bounds when most resamples are undefined', () => {
    const ci = bootstrapInterval(5, () => null, { resamples: 100, seed: '1' });
    expect(ci).toEqual({ low: null, high: null, resamples: 100, undefinedResamples: 100 });
  });

  it('interpolates percentiles like numpy (linear)', () => {
    // numpy.percentile([1, 2, 3, 4], 25) = 1.75
    expect(percentile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
  });
});
