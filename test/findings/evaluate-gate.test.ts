import { describe, expect, it } from 'vitest';
import { compareAudits } from '../../src/diff/compare-audits.js';
import { UsageError } from '../../src/errors.js';
import { evaluateGate } from '../../src/findings/evaluate-gate.js';
import { makeAudit, makeErrorGrade, makeFinding, makeGrade, makeSamples } from '../helpers/audit-factory.js';

const jargon = makeFinding({ severity: 'warning' });

/** 200 samples; the first `drifting` drift with a warning finding of rule no-jargon. */
function auditWith(drifting: number, prefix = 's', total = 200) {
  return makeAudit({
    rules: [{ ruleId: 'no-jargon', kind: 'banned', severity: 'warning' }],
    samples: makeSamples(total, (i) => (i < drifting ? { verdict: 'drift', findings: [jargon] } : {}), prefix),
  });
}

describe('evaluateGate', () => {
  it('passes a clean audit with the defaults', () => {
    expect(evaluateGate({ summary: auditWith(0).summary })).toEqual({ passed: true, reasons: [], notes: [] });
  });

  describe('failOn', () => {
    const audit = makeAudit({
      samples: makeSamples(3, (i) => ({ findings: [makeFinding({ severity: (['error', 'warning', 'info'] as const)[i]! })] })),
    });

    it('fails on any error finding by default', () => {
      expect(evaluateGate({ summary: audit.summary }).reasons).toEqual(['1 finding of severity error; --fail-on error allows none.']);
    });

    it('counts every severity at or above the threshold', () => {
      expect(evaluateGate({ summary: audit.summary }, { failOn: 'warning' }).reasons).toEqual([
        '2 findings of severity warning or above (1 error, 1 warning); --fail-on warning allows none.',
      ]);
      expect(evaluateGate({ summary: audit.summary }, { failOn: 'info' }).reasons).toEqual([
        '3 findings of any severity (1 error, 1 warning, 1 info); --fail-on info allows none.',
      ]);
      expect(evaluateGate({ summary: audit.summary }, { failOn: 'none' }).passed).toBe(true);
    });
  });

  it('fails when the drift rate exceeds --max-drift-rate', () => {
    const { summary } = auditWith(46);
    expect(evaluateGate({ summary }, { maxDriftRate: 0.15 }).reasons).toEqual(['Drift rate 23.0% exceeds --max-drift-rate 15% (46 of 200 samples).']);
    expect(evaluateGate({ summary }, { maxDriftRate: 0.23 }).passed).toBe(true);
  });

  it('leaves samples without a verdict out of the drift rate', () => {
    const audit = makeAudit({
      samples: makeSamples(10, (i) => (i < 2 ? { verdict: 'drift' } : i < 5 ? { verdict: 'ungraded', grade: makeErrorGrade() } : {})),
    });
    const result = evaluateGate({ summary: audit.summary }, { maxDriftRate: 0.25, maxUngraded: 3 });
    expect(result.reasons).toEqual(['Drift rate 28.6% exceeds --max-drift-rate 25% (2 of 7 samples).']);
  });

  it('fails per rule above --max-rule-drift-rate and names unknown rules', () => {
    const { summary } = auditWith(24);
    expect(evaluateGate({ summary }, { maxRuleDriftRate: { 'no-jargon': 0.1, 'no-typo': 0.5 } }).reasons).toEqual([
      'Rule no-jargon fired in 12.0% of samples (24 of 200), above --max-rule-drift-rate no-jargon=10%.',
      '--max-rule-drift-rate no-typo=50% names a rule that is not in this audit\'s style guide; check the rule id.',
    ]);
    expect(evaluateGate({ summary }, { maxRuleDriftRate: { 'no-jargon': 0.12 } }).passed).toBe(true);
  });

  it('fails when a dimension mean is below --min-dimension-mean, or cannot be checked', () => {
    const audit = makeAudit({
      dimensions: [{ id: 'empathy', min: 3 }],
      samples: makeSamples(4, (i) => ({ grade: makeGrade({ empathy: [3, 3, 2, 3][i]! }) })),
    });
    expect(evaluateGate({ summary: audit.summary }, { minDimensionMean: { empathy: 3, clarity: 3 } }).reasons).toEqual([
      '--min-dimension-mean clarity=3 cannot be checked: no sample was scored on clarity (the audit has no such dimension, or ran without a grader).',
      'Mean empathy score 2.75 is below --min-dimension-mean empathy=3 (4 scored samples).',
    ]);
    expect(evaluateGate({ summary: audit.summary }, { minDimensionMean: { empathy: 2.75 } }).passed).toBe(true);
  });

  it('fails above --max-warnings', () => {
    const { summary } = auditWith(12);
    expect(evaluateGate({ summary }, { maxWarnings: 10 }).reasons).toEqual(['12 warnings exceed --max-warnings 10.']);
    expect(evaluateGate({ summary }, { maxWarnings: 12 }).passed).toBe(true);
  });

  describe('maxUngraded', () => {
    const audit = makeAudit({
      samples: makeSamples(200, (i) =>
        i < 3 ? { verdict: 'ungraded', grade: makeErrorGrade(i === 2 ? 'model refused to answer' : 'timeout after 30s') } : {},
      ),
    });

    it('fails closed by default and says why the grader failed', () => {
      expect(evaluateGate({ summary: audit.summary, samples: audit.samples }).reasons).toEqual([
        '3 of 200 samples could not be graded (grader errors: timeout after 30s ×2; model refused to answer ×1), more than --max-ungraded 0 allows; rerun them or raise --max-ungraded.',
      ]);
      expect(evaluateGate({ summary: audit.summary }).reasons[0]).toBe(
        '3 of 200 samples could not be graded, more than --max-ungraded 0 allows; rerun them or raise --max-ungraded.',
      );
    });

    it('allows as many as configured', () => {
      expect(evaluateGate({ summary: audit.summary }, { maxUngraded: 3 }).passed).toBe(true);
    });
  });

  describe('maxNewlyDrifting', () => {
    const base = auditWith(0);
    const head = auditWith(7);

    it('fails when more samples newly drift than allowed', () => {
      const comparison = compareAudits(base, head);
      expect(evaluateGate({ summary: head.summary, comparison }, { maxNewlyDrifting: 2, failOn: 'none' }).reasons).toEqual([
        '7 samples passed in the baseline and drift now (s1, s2, s3, s4, s5, …), more than --max-newly-drifting 2 allows.',
      ]);
      expect(evaluateGate({ summary: head.summary, comparison }, { maxNewlyDrifting: 7 }).passed).toBe(true);
    });

    it('fails closed without a paired comparison', () => {
      expect(evaluateGate({ summary: head.summary }, { maxNewlyDrifting: 0 }).reasons).toEqual([
        '--max-newly-drifting 0 needs a baseline audit of the same samples (--baseline), and none was given.',
      ]);
      const unpaired = compareAudits(auditWith(0, 'other'), head);
      expect(evaluateGate({ summary: head.summary, comparison: unpaired }, { maxNewlyDrifting: 0 }).reasons[0]).toMatch(
        /^--max-newly-drifting 0 needs a paired comparison, but the baseline was compared unpaired: 0 of 200 head sample ids/,
      );
    });
  });

  describe('onlySignificantRegressions', () => {
    const gate = { maxDriftRate: 0.15, maxRuleDriftRate: { 'no-jargon': 0.15 }, onlySignificantRegressions: true };

    it('fails when the rise against an unpaired baseline is significant', () => {
      const head = auditWith(46, 'h');
      const comparison = compareAudits(auditWith(30, 'b'), head);
      const result = evaluateGate({ summary: head.summary, comparison }, gate);
      expect(result.reasons).toEqual([
        'Drift rate 23.0% exceeds --max-drift-rate 15% (46 of 200 samples), a significant rise of +8.0 points from 15.0% in the baseline, p = 0.041.',
        'Rule no-jargon fired in 23.0% of samples (46 of 200), above --max-rule-drift-rate no-jargon=15%, a significant rise of +8.0 points from 15.0% in the baseline, p = 0.041.',
      ]);
    });

    it('lets a rate above threshold pass, with a note, when the rise is not significant', () => {
      const head = auditWith(46, 'h');
      const comparison = compareAudits(auditWith(42, 'b'), head);
      const result = evaluateGate({ summary: head.summary, comparison }, gate);
      expect(result.passed).toBe(true);
      expect(result.notes[0]).toBe(
        'Drift rate 23.0% exceeds --max-drift-rate 15% (46 of 200 samples), but the change (+2.0 points from 21.0% in the baseline, p = 0.629) is not a significant increase, so --only-significant-regressions lets it pass.',
      );
    });

    it('uses the paired test for a paired baseline', () => {
      const head = auditWith(46);
      const result = evaluateGate({ summary: head.summary, comparison: compareAudits(auditWith(30), head) }, { maxDriftRate: 0.15, onlySignificantRegressions: true });
      // 16 samples newly drift and none are fixed: exact McNemar p = 2 · 0.5^16.
      expect(result.reasons).toEqual(['Drift rate 23.0% exceeds --max-drift-rate 15% (46 of 200 samples), a significant rise of +8.0 points from 15.0% in the baseline, p < 0.001.']);
    });

    it('applies the plain threshold without a baseline and says so', () => {
      const result = evaluateGate({ summary: auditWith(46).summary }, gate);
      expect(result.reasons).toHaveLength(2);
      expect(result.notes).toEqual(['--only-significant-regressions needs a baseline comparison; none was given, so --max-drift-rate 15% applies as is.',
        '--only-significant-regressions needs a baseline comparison; none was given, so --max-rule-drift-rate no-jargon=15% applies as is.']);
    });

    it('waives small audits, whose change cannot be significant', () => {
      const head = auditWith(5, 'h', 20);
      const result = evaluateGate({ summary: head.summary, comparison: compareAudits(auditWith(1, 'b', 20), head) }, { maxDriftRate: 0.15, onlySignificantRegressions: true });
      expect(result.passed).toBe(true);
      expect(result.notes[0]).toMatch(/there is too little data to call the change significant \(the base audit has 20 graded samples/);
    });
  });

  it('lists every reason at once', () => {
    const audit = auditWith(46);
    const result = evaluateGate({ summary: audit.summary }, { failOn: 'warning', maxDriftRate: 0.1, maxWarnings: 0, maxNewlyDrifting: 0 });
    expect(result.passed).toBe(false);
    expect(result.reasons).toHaveLength(4);
  });

  it('fails an empty audit', () => {
    expect(evaluateGate({ summary: makeAudit({ samples: [] }).summary }).reasons).toEqual(['The audit contains no samples, so nothing was checked.']);
  });

  it('rejects thresholds out of range, all at once', () => {
    const { summary } = auditWith(0);
    expect(() => evaluateGate({ summary }, { maxDriftRate: 15, maxWarnings: -1, minDimensionMean: { empathy: 7 } })).toThrow(UsageError);
    expect(() => evaluateGate({ summary }, { maxDriftRate: 15, maxWarnings: -1 })).toThrow(
      '--max-drift-rate must be a share between 0 and 1 (write 0.15 for 15%), got 15; --max-warnings must be a whole number >= 0, got -1',
    );
  });
});
