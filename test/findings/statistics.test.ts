import { describe, expect, it } from 'vitest';
import {
  erfc,
  logGamma,
  normalCdf,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTTwoSidedP,
} from '../../src/findings/distributions.js';
import {
  mcnemarExactTest,
  meanAndVariance,
  normalQuantile,
  pairedTTest,
  twoProportionTest,
  welchTTest,
  wilsonInterval,
} from '../../src/findings/statistics.js';

// Reference values were computed independently with SciPy 1.17 (stats.norm, stats.t, special.*,
// stats.ttest_ind_from_stats, stats.binomtest) or in closed form, as noted per case.

describe('special functions', () => {
  it('matches SciPy for log-gamma, erfc and the incomplete beta', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247, 12); // ln √π
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 9);
    expect(erfc(0.3)).toBeCloseTo(0.6713732405408726, 14);
    expect(erfc(-1.2)).toBeCloseTo(1.9103139782296354, 14);
    expect(erfc(4) / 1.541725790028002e-8).toBeCloseTo(1, 10);
    expect(regularizedIncompleteBeta(0.3, 2.5, 4)).toBeCloseTo(0.3521975859067672, 13);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('computes the normal CDF', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-5) / 2.866515718791933e-7).toBeCloseTo(1, 10);
    expect(normalCdf(0)).toBe(0.5);
  });
});

describe('normalQuantile', () => {
  it.each([
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722],
    [0.3, -0.5244005127080409],
    [1e-10, -6.361340902404056],
    [0.999999, 4.753424308817087],
  ])('Φ⁻¹(%s) = %s', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 10);
  });

  it('is 0 at the median and ±Infinity at the ends', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('rejects probabilities outside [0, 1]', () => {
    expect(() => normalQuantile(1.2)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe('Student t distribution', () => {
  it.each([
    [1, 1, 0.5], // Cauchy: CDF(1) = 3/4 exactly
    [1, 2, 0.4226497308103742], // closed form 1 − 1/√3
    [2.228, 10, 0.05001177181711132], // the t-table's 5% critical value at df 10
    [1.865, 19.19, 0.07754828740570863],
    [5, 3.5, 0.010550178991867776],
    [0.5, 7.3, 0.6317935268044417],
    [2, 1000, 0.04577034649325166],
  ])('two-sided p for t = %s, df = %s is %s', (t, df, p) => {
    expect(studentTTwoSidedP(t, df)).toBeCloseTo(p, 12);
    expect(studentTTwoSidedP(-t, df)).toBeCloseTo(p, 12);
  });

  it('keeps relative precision far in the tail', () => {
    expect(studentTTwoSidedP(12, 4) / 0.000276428548502973).toBeCloseTo(1, 10);
  });

  it('has CDF 0.75 at t = 1 for df = 1 and is symmetric', () => {
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 14);
    expect(studentTCdf(-1, 1)).toBeCloseTo(0.25, 14);
    expect(studentTCdf(0, 5)).toBeCloseTo(0.5, 14);
  });

  it('falls back to the normal for infinite df and rejects df <= 0', () => {
    expect(studentTTwoSidedP(1.959963984540054, Infinity)).toBeCloseTo(0.05, 14);
    expect(studentTTwoSidedP(1, 0)).toBeNaN();
  });
});

describe('wilsonInterval', () => {
  it('gives [0.4902, 0.9433] for 8 of 10 at 95%', () => {
    const ci = wilsonInterval(8, 10);
    expect(ci.estimate).toBe(0.8);
    expect(ci.low).toBeCloseTo(0.4901624715366418, 12);
    expect(ci.high).toBeCloseTo(0.9433178485456248, 12);
  });

  it('pins the bound at 0 or 1 when every or no trial succeeds', () => {
    const none = wilsonInterval(0, 20);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.16112515805281938, 12);
    const all = wilsonInterval(20, 20);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(0.8388748419471806, 12);
  });

  it('honours the confidence level', () => {
    const ci = wilsonInterval(46, 200, 0.9);
    expect(ci.low).toBeCloseTo(0.1848516150001307, 12);
    expect(ci.high).toBeCloseTo(0.2823558517534482, 12);
  });

  it('is uninformative for n = 0 and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual({ estimate: 0, low: 0, high: 1 });
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 1)).toThrow(RangeError);
  });
});

describe('twoProportionTest', () => {
  it('matches the pooled z-test for 30/200 vs 46/200', () => {
    const r = twoProportionTest(30, 200, 46, 200);
    expect(r.diff).toBeCloseTo(0.08, 14);
    expect(r.z).toBeCloseTo(2.0392509677383273, 12);
    expect(r.pValue).toBeCloseTo(0.041424986497117955, 12);
    expect(r.significant).toBe(true);
    expect(r.tooSmall).toBeUndefined();
  });

  it('is not significant above alpha', () => {
    const r = twoProportionTest(30, 200, 46, 200, 0.01);
    expect(r.significant).toBe(false);
  });

  it('flags expected counts below 5 and never calls them significant', () => {
    const r = twoProportionTest(1, 40, 3, 40);
    expect(r.z).toBeCloseTo(1.025978352085154, 12);
    expect(r.pValue).toBeCloseTo(0.3049017881787883, 12);
    expect(r.tooSmall).toMatch(/expected count is 2 \(< 5\)/);
    expect(r.significant).toBe(false);
  });

  it('handles empty groups and zero variation without dividing by zero', () => {
    expect(twoProportionTest(0, 0, 3, 10)).toMatchObject({ pValue: 1, significant: false, tooSmall: expect.stringMatching(/empty/) });
    expect(twoProportionTest(0, 100, 0, 100)).toMatchObject({ z: 0, pValue: 1, significant: false });
  });
});

describe('welchTTest', () => {
  it('matches SciPy ttest_ind_from_stats(equal_var=False)', () => {
    const r = welchTTest(20, 4, 10, 22, 9, 12);
    expect(r.diff).toBe(2);
    expect(r.t).toBeCloseTo(1.8650096164806276, 12);
    expect(r.df).toBeCloseTo(19.190545987541217, 10);
    expect(r.pValue).toBeCloseTo(0.07754643868205859, 12);
  });

  it('handles constant groups and groups too small for a variance', () => {
    expect(welchTTest(3, 0, 5, 3, 0, 5)).toMatchObject({ t: 0, pValue: 1 });
    expect(welchTTest(3, 0, 5, 4, 0, 5)).toMatchObject({ t: Infinity, pValue: 0, df: 8 });
    expect(welchTTest(3, 1, 1, 4, 1, 5).tooSmall).toMatch(/at least 2/);
  });
});

describe('paired tests', () => {
  it('pairedTTest matches SciPy ttest_1samp on the differences', () => {
    const r = pairedTTest([1, 0, 2, 1, -1, 1]);
    expect(r.t).toBeCloseTo(1.5811388300841895, 12);
    expect(r.df).toBe(5);
    expect(r.pValue).toBeCloseTo(0.17468781426411942, 12);
    expect(pairedTTest([1]).tooSmall).toBeDefined();
  });

  it('mcnemarExactTest matches the exact binomial test', () => {
    expect(mcnemarExactTest(10, 3).pValue).toBeCloseTo(0.09228515625, 12);
    expect(mcnemarExactTest(1, 9).pValue).toBeCloseTo(0.021484375, 12);
    expect(mcnemarExactTest(4, 4).pValue).toBe(1);
    expect(mcnemarExactTest(0, 0).pValue).toBe(1);
  });

  it('meanAndVariance uses the n − 1 denominator', () => {
    expect(meanAndVariance([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ n: 8, mean: 5, variance: 32 / 7 });
    expect(meanAndVariance([])).toEqual({ n: 0, mean: 0, variance: 0 });
  });
});
