import { describe, expect, it } from 'vitest';
import { compareAudits } from '../../src/diff/compare-audits.js';
import { findingAt, makeAudit, makeErrorGrade, makeFinding, makeGrade, makeSample, makeSamples } from '../helpers/audit-factory.js';

describe('compareAudits: mode', () => {
  const base = makeAudit({ samples: makeSamples(10) });

  it('pairs when at least half of the head ids occur in the base', () => {
    const head = makeAudit({ samples: [...makeSamples(5), ...makeSamples(5, () => ({}), 'new')] });
    const c = compareAudits(base, head);
    expect(c.mode).toBe('paired');
    expect(c.overlap).toEqual({ baseSamples: 10, headSamples: 10, shared: 5, shareOfHead: 0.5 });
    expect(c.modeReason).toBe('5 of 10 head sample ids (50.0%) also occur in the base audit, so samples are compared one to one.');
  });

  it('compares as independent groups below half, unless told otherwise', () => {
    const head = makeAudit({ samples: [...makeSamples(4), ...makeSamples(6, () => ({}), 'new')] });
    const auto = compareAudits(base, head);
    expect(auto.mode).toBe('unpaired');
    expect(auto.modeReason).toMatch(/fewer than half/);
    expect(auto.samples).toBeUndefined();
    expect(compareAudits(base, head, { mode: 'paired' }).mode).toBe('paired');
    expect(compareAudits(base, base, { mode: 'unpaired' }).mode).toBe('unpaired');
  });

  it('treats an empty head audit as unpaired', () => {
    expect(compareAudits(base, makeAudit({ samples: [] })).mode).toBe('unpaired');
  });
});

describe('compareAudits: warnings', () => {
  it('lists every setup difference', () => {
    const base = makeAudit({ samples: [], guide: { brand: 'N', version: '2026.3', hash: 'x', file: 'g.yaml' }, grader: { kind: 'llm', model: 'model-a', promptHash: 'p1' } });
    const head = makeAudit({
      samples: [],
      guide: { brand: 'N', version: '2026.4', hash: 'y', file: 'g.yaml' },
      grader: { kind: 'llm', model: 'model-b', promptHash: 'p2' },
      tool: { name: 'tone-audit', version: '0.2.0' },
    });
    const c = compareAudits(base, head);
    expect(c.warnings.map((w) => w.code)).toEqual(['guide-version', 'grader-model', 'grader-prompt', 'tool-version']);
    expect(c.warnings[0]?.message).toContain('from version 2026.3 to 2026.4');
  });

  it('warns when the same guide version has different contents, and when the grader kind changes', () => {
    const base = makeAudit({ samples: [], guide: { brand: 'N', version: '1', hash: 'aaaa', file: 'g.yaml' } });
    const head = makeAudit({ samples: [], guide: { brand: 'N', version: '1', hash: 'bbbb', file: 'g.yaml' }, grader: { kind: 'llm', model: 'm' } });
    const codes = compareAudits(base, head).warnings.map((w) => w.code);
    expect(codes).toEqual(['guide-hash', 'grader-kind']);
  });

  it('warns about different result schema versions', () => {
    const base = makeAudit({ samples: [] });
    const head = { ...makeAudit({ samples: [] }), schemaVersion: 1 } as unknown as typeof base;
    expect(compareAudits(base, head).warnings.map((w) => w.code)).toEqual(['schema-version']);
  });

  it('has no warnings for the same setup', () => {
    expect(compareAudits(makeAudit({ samples: [] }), makeAudit({ samples: [] })).warnings).toEqual([]);
  });
});

describe('compareAudits: paired', () => {
  const drift = { verdict: 'drift' as const };

  it('sorts samples by how their verdict moved', () => {
    const base = makeAudit({
      samples: [
        makeSample({ id: 'a' }),
        makeSample({ id: 'b', ...drift }),
        makeSample({ id: 'c', ...drift }),
        makeSample({ id: 'd' }),
        makeSample({ id: 'e', verdict: 'ungraded', grade: makeErrorGrade() }),
        makeSample({ id: 'gone' }),
      ],
    });
    const head = makeAudit({
      samples: [
        makeSample({ id: 'a', ...drift }),
        makeSample({ id: 'b' }),
        makeSample({ id: 'c', ...drift }),
        makeSample({ id: 'd' }),
        makeSample({ id: 'e' }),
        makeSample({ id: 'fresh' }),
      ],
    });
    const c = compareAudits(base, head);
    expect(c.samples).toEqual({
      shared: 5,
      onlyInBase: ['gone'],
      onlyInHead: ['fresh'],
      newlyDrifting: ['a'],
      fixed: ['b'],
      stillDrifting: ['c'],
      stillPassing: ['d'],
      ungraded: ['e'],
    });
    // Drift rate over the 4 samples graded in both: 2/4 → 2/4.
    expect(c.drift.base).toMatchObject({ count: 2, n: 4, rate: 0.5 });
    expect(c.drift.head).toMatchObject({ count: 2, n: 4, rate: 0.5 });
    expect(c.drift.test).toBe('mcnemar');
    expect(c.drift.pValue).toBe(1);
  });

  it('tests the drift change with exact McNemar on discordant pairs', () => {
    // 10 pass → drift, none drift → pass: p = 2 · 0.5^10.
    const base = makeAudit({ samples: makeSamples(20) });
    const head = makeAudit({ samples: makeSamples(20, (i) => (i < 10 ? { verdict: 'drift' } : {})) });
    const c = compareAudits(base, head);
    expect(c.drift.change).toBe(0.5);
    expect(c.drift.pValue).toBeCloseTo(0.001953125, 12);
    expect(c.drift.significant).toBe(true);
    expect(c.samples?.newlyDrifting).toHaveLength(10);
  });

  it('matches findings by rule and normalised text, not offsets', () => {
    const before = 'Please leverage the portal and circle back ASAP.';
    const after = 'Hi Sam! Please LEVERAGE the portal and circle  back asap, asap.';
    const rule = (ruleId: string) => ({ ruleId });
    const base = makeAudit({
      samples: [
        makeSample({
          id: 'x',
          response: before,
          findings: [
            findingAt(before, 'leverage'),
            findingAt(before, 'circle back', rule('no-idioms')),
            findingAt(before, 'ASAP', rule('no-asap')),
            findingAt(before, 'portal', rule('old-term')),
            makeFinding({ ruleId: 'length', kind: 'length', severity: 'warning' }),
          ],
        }),
      ],
    });
    const asapAt = after.lastIndexOf('asap');
    const head = makeAudit({
      samples: [
        makeSample({
          id: 'x',
          response: after,
          findings: [
            findingAt(after, 'LEVERAGE'),
            findingAt(after, 'circle  back', rule('no-idioms')),
            findingAt(after, 'asap', rule('no-asap')),
            makeFinding({ ruleId: 'no-asap', match: 'asap', span: { start: asapAt, end: asapAt + 4 } }),
            makeFinding({ ruleId: 'length', kind: 'length', severity: 'warning' }),
          ],
        }),
      ],
    });
    const c = compareAudits(base, head);
    expect(c.findings?.unchanged).toBe(4);
    expect(c.findings?.new).toEqual([{ sampleId: 'x', ruleId: 'no-asap', kind: 'banned', severity: 'error', message: 'Avoid jargon', match: 'asap' }]);
    expect(c.findings?.resolved.map((f) => [f.ruleId, f.match])).toEqual([['old-term', 'portal']]);
    const asap = c.rules.find((r) => r.ruleId === 'no-asap');
    expect(asap).toMatchObject({ baseFindings: 1, headFindings: 2, findingsChange: 1, presentIn: 'both' });
    expect(c.rules.find((r) => r.ruleId === 'old-term')).toMatchObject({ base: { count: 1 }, head: { count: 0 }, change: -1 });
  });

  it('identifies findings without matched text by rule and occurrence', () => {
    const length = makeFinding({ ruleId: 'length', kind: 'length' });
    const base = makeAudit({ samples: [makeSample({ id: 'x', findings: [length] })] });
    const head = makeAudit({ samples: [makeSample({ id: 'x', findings: [length, length] })] });
    const c = compareAudits(base, head);
    expect(c.findings).toMatchObject({ unchanged: 1, resolved: [] });
    expect(c.findings?.new).toHaveLength(1);
  });

  it('compares dimension means over samples scored in both, with a paired t-test', () => {
    const baseScores = [4, 4, 4, 4, 4, 5];
    const headScores = [3, 3, 2, 4, 3];
    const base = makeAudit({
      dimensions: [{ id: 'empathy', min: 3 }],
      samples: makeSamples(6, (i) => ({ grade: makeGrade({ empathy: baseScores[i]! }) })),
    });
    const head = makeAudit({
      dimensions: [{ id: 'empathy', min: 3 }],
      // The sixth sample could not be graded in the head audit, so it drops out of the pairs.
      samples: makeSamples(6, (i) => (i < 5 ? { grade: makeGrade({ empathy: headScores[i]! }) } : { verdict: 'ungraded', grade: makeErrorGrade() })),
    });
    const [empathy] = compareAudits(base, head).dimensions;
    expect(empathy).toMatchObject({ id: 'empathy', test: 'paired-t', base: { n: 5, mean: 4 }, head: { n: 5, mean: 3 }, change: -1, df: 4 });
    expect(empathy?.t).toBeCloseTo(-3.162277660168379, 12); // SciPy ttest_rel
    expect(empathy?.pValue).toBeCloseTo(0.03410942316740963, 12);
    expect(empathy?.significant).toBe(true);
    expect(empathy?.belowMin).toBeUndefined();
  });

  it('says why when no sample was graded in both audits', () => {
    const base = makeAudit({ samples: makeSamples(3, () => ({ verdict: 'ungraded', grade: makeErrorGrade() })) });
    const head = makeAudit({ samples: makeSamples(3) });
    const c = compareAudits(base, head);
    expect(c.drift.tooSmall).toBe('no sample was graded in both audits');
    expect(c.drift.significant).toBe(false);
  });
});

describe('compareAudits: unpaired', () => {
  const rules = [{ ruleId: 'no-jargon', kind: 'banned', severity: 'error' as const }];
  const jargon = [makeFinding()];

  it('compares drift and rule rates with Wilson intervals and the two-proportion test', () => {
    const base = makeAudit({ rules, samples: makeSamples(200, (i) => (i < 30 ? { verdict: 'drift', findings: jargon } : {}), 'b') });
    const head = makeAudit({
      rules,
      samples: makeSamples(210, (i) => (i < 46 ? { verdict: 'drift', findings: jargon } : i >= 200 ? { verdict: 'ungraded', grade: makeErrorGrade() } : {}), 'h'),
    });
    const c = compareAudits(base, head);
    expect(c.mode).toBe('unpaired');
    // Drift rate excludes the 10 ungraded samples: 30/200 vs 46/200.
    expect(c.drift.base).toMatchObject({ count: 30, n: 200, rate: 0.15 });
    expect(c.drift.head).toMatchObject({ count: 46, n: 200, rate: 0.23 });
    expect(c.drift.change).toBeCloseTo(0.08, 14);
    expect(c.drift.pValue).toBeCloseTo(0.041424986497117955, 12);
    expect(c.drift.significant).toBe(true);
    expect(c.drift.tooSmall).toBeUndefined();
    expect(c.drift.head.low).toBeLessThan(0.23);
    expect(c.drift.head.high).toBeGreaterThan(0.23);
    // The rule rate counts all samples: 46/210 in the head.
    const rule = c.rules[0];
    expect(rule).toMatchObject({ ruleId: 'no-jargon', base: { count: 30, n: 200 }, head: { count: 46, n: 210 }, baseFindings: 30, headFindings: 46, findingsChange: 16 });
  });

  it('compares dimension means with Welch and reports the below-min share', () => {
    const dimensions = [{ id: 'warmth', min: 3 }];
    const base = makeAudit({ dimensions, samples: makeSamples(40, (i) => ({ grade: makeGrade({ warmth: [3, 4, 4, 5][i % 4]! }) }), 'b') });
    const head = makeAudit({ dimensions, samples: makeSamples(40, (i) => ({ grade: makeGrade({ warmth: [2, 3, 4, 4, 3][i % 5]! }) }), 'h') });
    const [warmth] = compareAudits(base, head).dimensions;
    expect(warmth?.test).toBe('welch');
    expect(warmth?.base).toEqual({ n: 40, mean: 4, variance: 20 / 39 });
    expect(warmth?.head.mean).toBeCloseTo(3.2, 12);
    expect(warmth?.t).toBeCloseTo(-4.852542613035021, 10); // SciPy ttest_ind(equal_var=False)
    expect(warmth?.df).toBeCloseTo(77.75088715400994, 8);
    expect(warmth?.pValue).toBeCloseTo(6.151010621185996e-6, 15);
    expect(warmth?.significant).toBe(true);
    // 8 of 40 head scores are 2 (< min 3); none in the base. Expected counts are 4 < 5.
    expect(warmth?.belowMin).toMatchObject({ base: { count: 0, n: 40 }, head: { count: 8, n: 40 }, significant: false });
    expect(warmth?.belowMin?.tooSmall).toMatch(/expected count is 4/);
  });

  it('refuses to conclude anything from small audits', () => {
    const base = makeAudit({ samples: makeSamples(12, (i) => (i < 1 ? { verdict: 'drift' } : {}), 'b') });
    const head = makeAudit({ samples: makeSamples(12, (i) => (i < 9 ? { verdict: 'drift' } : {}), 'h') });
    const c = compareAudits(base, head);
    expect(c.drift.tooSmall).toBe('the base audit has 12 graded samples and the head audit has 12 graded samples; at least 30 per audit are needed to conclude anything');
    expect(c.drift.significant).toBe(false);
    expect(compareAudits(base, head, { minSamples: 10 }).drift.significant).toBe(true);
  });

  it('compares a rule that exists in one guide only against nothing', () => {
    const base = makeAudit({ samples: makeSamples(40, () => ({}), 'b'), rules: [{ ruleId: 'old', kind: 'banned', severity: 'warning' }] });
    const head = makeAudit({ samples: makeSamples(40, () => ({}), 'h'), rules: [{ ruleId: 'new', kind: 'prefer', severity: 'info' }] });
    const c = compareAudits(base, head);
    expect(c.rules.map((r) => [r.ruleId, r.presentIn, r.head.n, r.base.n])).toEqual([
      ['new', 'head', 40, 0],
      ['old', 'base', 0, 40],
    ]);
    expect(c.rules[0]?.tooSmall).toMatch(/base audit has 0 samples/);
  });
});
