import { describe, expect, it } from 'vitest';
import {
  aggregateLabels, calibrate, countDrift, halfOf, measureDimension, measureVerdict, suggestThresholds,
  type LabelRecord, type LabelSet, type ThresholdItem,
} from '../../src/calibrate/index.js';
import type { SampleResult } from '../../src/types.js';
import { makeAudit, makeErrorGrade, makeFinding, makeGrade, makeSample } from '../helpers/audit-factory.js';

const label = (id: string, verdict: 'ok' | 'drift', scores: Record<string, number> = {}, reviewer?: string): LabelRecord => ({
  id, verdict, scores, ...(reviewer ? { reviewer } : {}), location: { file: 'labels.jsonl', line: 1 },
});
const labelSet = (records: LabelRecord[]): LabelSet => ({ file: 'labels.jsonl', sha256: 'c'.repeat(64), records, warnings: [] });

describe('halfOf', () => {
  it('splits by the parity of sha256(id) read as a number (its last byte)', () => {
    // python3: hashlib.sha256(b"a").digest()[-1] = 187 (odd), b"nw-000100" → 2 (even), b"s2" → 164 (even), b"b" → 157 (odd)
    expect(halfOf('a')).toBe('check');
    expect(halfOf('nw-000100')).toBe('fit');
    expect(halfOf('s2')).toBe('fit');
    expect(halfOf('b')).toBe('check');
    // Turns of one conversation share its half.
    expect(halfOf('a#0')).toBe('check');
    expect(halfOf('nw-000100#3')).toBe('fit');
  });
});

describe('aggregateLabels', () => {
  it('takes the majority verdict (ties → drift) and the mean score', () => {
    const refs = aggregateLabels([
      label('a', 'ok', { empathy: 4 }, 'kim'), label('a', 'drift', { empathy: 1 }, 'lee'),
      label('b', 'ok', {}, 'kim'), label('b', 'ok', { empathy: 5 }, 'lee'), label('b', 'drift', {}, 'max'),
    ]);
    expect(refs.get('a')).toMatchObject({ verdict: 'drift', scores: { empathy: 2.5 }, reviewers: 2 });
    expect(refs.get('b')).toMatchObject({ verdict: 'ok', scores: { empathy: 5 }, reviewers: 3 });
  });
});

describe('measureVerdict', () => {
  it('computes precision, recall, FPR, accuracy and κ from the 2×2 counts', () => {
    // TP 20, FN 10, FP 5, TN 15: the Wikipedia κ example again (po 0.7, pe 0.5 → κ 0.4).
    const v = measureVerdict({ truePositive: 20, falseNegative: 10, falsePositive: 5, trueNegative: 15 });
    expect(v.precision!.estimate).toBeCloseTo(0.8, 12);
    expect(v.recall!.estimate).toBeCloseTo(2 / 3, 12);
    expect(v.falsePositiveRate!.estimate).toBeCloseTo(0.25, 12);
    expect(v.accuracy).toBeCloseTo(0.7, 12);
    expect(v.kappa).toBeCloseTo(0.4, 12);
    expect(v.prevalence).toBeCloseTo(0.6, 12);
  });

  it('leaves undefined rates null', () => {
    const v = measureVerdict(countDrift([{ judge: false, reference: false }]));
    expect(v.precision).toBeNull();
    expect(v.recall).toBeNull();
    expect(v.falsePositiveRate!.estimate).toBe(0);
  });
});

describe('measureDimension', () => {
  it('rounds scores, fills the confusion matrix (rows reviewer, columns judge) and signs the bias', () => {
    const d = measureDimension('empathy', [
      { judge: 4.6, reviewer: 4 }, { judge: 2.2, reviewer: 2 }, { judge: 3.5, reviewer: 3 }, { judge: 1.0, reviewer: 1 },
    ], { resamples: 200, seed: 't' });
    expect(d.n).toBe(4);
    expect(d.confusion[3]![4]).toBe(1); // reviewer 4, judge 5
    expect(d.confusion[2]![3]).toBe(1); // reviewer 3, judge 3.5 → 4
    expect(d.exactAgreement).toBeCloseTo(0.5, 12);
    expect(d.withinOne).toBe(1);
    expect(d.bias).toBeCloseTo((0.6 + 0.2 + 0.5 + 0) / 4, 12);
    expect(d.spearman).toBeCloseTo(1, 12);
    expect(d.kappa.low).not.toBeNull();
  });
});

describe('suggestThresholds', () => {
  // Reviewers call drift exactly when the judge's empathy is 2.0; ok replies score 4.0. A minimum
  // of 5 flags everything: the search must lower it until the ok replies pass.
  const items: ThresholdItem[] = Array.from({ length: 20 }, (_, i) => ({
    findings: [],
    grade: makeGrade({ empathy: i % 2 === 0 ? 2 : 4, clarity: 4 }),
    reference: i % 2 === 0,
  }));

  it('finds minimums that separate the labels, leaving an irrelevant dimension alone', () => {
    const result = suggestThresholds(items, { start: { empathy: 5, clarity: 3 }, maxFalsePositiveRate: 0.15 });
    expect(result.fit.youdenJ).toBe(1);
    expect(result.feasible).toBe(true);
    expect(result.mins.empathy).toBeGreaterThan(2);
    expect(result.mins.empathy).toBeLessThanOrEqual(4.5);
    expect(result.mins.clarity).toBe(3);
  });

  it('cannot undo a finding: drift from an error finding stays drift', () => {
    const withError = items.map((item) => (item.reference ? item : { ...item, findings: [makeFinding({ severity: 'error' })] }));
    const result = suggestThresholds(withError, { start: { empathy: 3, clarity: 3 }, maxFalsePositiveRate: 0.15 });
    expect(result.feasible).toBe(false);
    expect(result.fit.falsePositiveRate!.estimate).toBe(1);
  });
});

describe('calibrate', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `s${i + 1}`);
  const drifting = (i: number) => i % 3 === 0;
  const samples: SampleResult[] = ids.map((id, i) =>
    makeSample({
      id,
      grade: i === 39 ? makeErrorGrade() : makeGrade({ empathy: drifting(i) ? 1.8 : 4.2 }),
      verdict: i === 39 ? 'ungraded' : drifting(i) ? 'drift' : 'pass',
    }),
  );
  const audit = makeAudit({ samples, dimensions: [{ id: 'empathy', min: 3 }] });
  const records = ids.map((id, i) => label(id, drifting(i) ? 'drift' : 'ok', { empathy: drifting(i) ? 2 : 4 }));

  it('measures verdicts and dimensions over matched samples, excluding ungraded ones', () => {
    const report = calibrate(audit, labelSet([...records, label('zz-unknown', 'ok')]), { resamples: 100 });
    expect(report.labels).toMatchObject({ count: 41, samples: 41, matched: 40, unmatched: { count: 1, examples: ['zz-unknown'] } });
    expect(report.verdict.ungraded).toBe(1);
    expect(report.verdict.n).toBe(39);
    expect(report.verdict.accuracy).toBe(1);
    expect(report.verdict.kappa).toBe(1);
    expect(report.verdict.baselines.alwaysDrift.accuracy).toBeCloseTo(13 / 39, 12);
    expect(report.dimensions[0]).toMatchObject({ id: 'empathy', n: 39, exactAgreement: 1 });
    expect(report.dimensions[0]!.bias).toBeCloseTo((13 * -0.2 + 26 * 0.2) / 39, 12);
    expect(report.bootstrap).toEqual({ resamples: 100, seed: 'tone-audit-calibrate' });
    expect(report.split.fit + report.split.check).toBe(40);
    expect(report.notes.join('\n')).toContain('1 labelled id(s) match no audited sample');
    expect(report.reviewers).toBeNull();
  });

  it('chooses on the fit half and reports the check half; --held-out-only restricts every figure', () => {
    const report = calibrate(audit, labelSet(records), { resamples: 50, scope: 'check' });
    const checkGraded = ids.filter((id, i) => i !== 39 && halfOf(id) === 'check').length;
    expect(report.scope).toBe('check');
    expect(report.verdict.n).toBe(checkGraded);
    expect(report.thresholds.check!.suggested.n).toBe(checkGraded);
    expect(report.thresholds.fit!.suggested.n).toBe(ids.filter((id, i) => i !== 39 && halfOf(id) === 'fit').length);
    expect(report.notes.some((n) => n.startsWith('few labels for threshold suggestions'))).toBe(true);
  });

  it('reports inter-reviewer agreement when samples have several reviewers', () => {
    const report = calibrate(audit, labelSet([...records.map((r) => ({ ...r, reviewer: 'kim' })), label('s1', 'drift', { empathy: 2 }, 'lee'), label('s2', 'drift', { empathy: 3 }, 'lee')]), { resamples: 20 });
    expect(report.reviewers).toMatchObject({ units: 2, reviewers: 2 });
    expect(report.labels.multiReviewed).toBe(2);
  });

  it('skips suggestions without a grader, and says why', () => {
    const rulesOnly = makeAudit({ samples: samples.map(({ grade: _grade, ...s }) => ({ ...s, verdict: s.verdict === 'ungraded' ? 'pass' : s.verdict })), grader: { kind: 'none' } });
    const report = calibrate(rulesOnly, labelSet(records), { resamples: 10 });
    expect(report.thresholds.skipped).toMatch(/no grader scores/);
    expect(report.dimensions).toEqual([]);
  });
});
