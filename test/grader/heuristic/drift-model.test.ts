import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GraderConfigError } from '../../../src/errors.js';
import { applyDriftModel, DRIFT_SIGNALS, driftProbability, readDriftModel, readDriftSignals, type DriftModel } from '../../../src/grader/heuristic/index.js';
import type { DimensionScore, Finding, Grade } from '../../../src/types.js';
import { makeDimension } from './make-guide.js';

const dimensions = ['empathy', 'clarity', 'tone'].map((id) => makeDimension(id));
const scored = (score: number, effects: number[]): DimensionScore => ({ score, reason: '', cues: effects.map((effect) => ({ label: 'cue', effect })) });
const gradeOf = (scores: Record<string, DimensionScore>, violations: Finding[] = []): Grade => ({ status: 'graded', grader: 'heuristic', scores, violations, drift: 'on-brand' });
const warning = (ruleId: string, start: number): Finding => ({ ruleId, kind: 'prefer', severity: 'warning', message: ruleId, origin: 'rule', span: { start, end: start + 3 } });
const error: Finding = { ruleId: 'no-blame', kind: 'banned', severity: 'error', message: 'blame', origin: 'rule' };

/** A model whose only weight is on the worst shortfall: p = σ(2·worstShortfall), threshold 0.5 ⇔ worst shortfall > 0. */
const model: DriftModel = {
  signals: [...DRIFT_SIGNALS],
  mean: DRIFT_SIGNALS.map(() => 0),
  scale: DRIFT_SIGNALS.map(() => 1),
  weights: DRIFT_SIGNALS.map((name) => (name === 'worstShortfall' ? 2 : 0)),
  bias: 0,
  threshold: 0.6,
};

describe('readDriftSignals', () => {
  it.each([
    {
      name: 'two dimensions a little low, one abstained',
      scores: { empathy: scored(2.7, [-0.3]), clarity: scored(2.8, [-0.5, 0.3]), tone: { score: 3, reason: '', cues: [] } },
      expected: { worstShortfall: 0.3, secondShortfall: 0.2, totalShortfall: 0.5, dimensionsBelowMin: 2, negativeCues: 2, negativeCueSum: 0.8, positiveCueSum: 0.3, abstained: 1 },
    },
    {
      name: 'all above the minimum',
      scores: { empathy: scored(4, [1]), clarity: scored(3.5, [0.5]), tone: scored(3.4, [0.4]) },
      expected: { worstShortfall: -0.4, secondShortfall: -0.5, totalShortfall: 0, dimensionsBelowMin: 0, negativeCues: 0, abstained: 0 },
    },
  ])('$name', ({ scores, expected }) => {
    const signals = readDriftSignals(dimensions, [], gradeOf(scores));
    for (const [name, value] of Object.entries(expected)) expect(signals[name as keyof typeof signals]).toBeCloseTo(value, 6);
  });

  it('counts standing warnings after merging a rule and a grader finding on the same text', () => {
    const grade = gradeOf({}, [{ ...warning('heuristic/stiff', 0), kind: 'grader', origin: 'grader' }]);
    expect(readDriftSignals(dimensions, [warning('plain-words', 0), warning('other', 10)], grade).standingWarnings).toBe(2);
  });
});

describe('driftProbability and applyDriftModel', () => {
  it('is the logistic of the standardised weighted signals', () => {
    const signals = readDriftSignals(dimensions, [], gradeOf({ empathy: scored(2.75, [-0.25]) }));
    expect(driftProbability(model, signals)).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 10);
  });

  it.each([
    { name: 'weak signals over the threshold: drift, with a finding naming them', empathy: 2.7, ruleFindings: [], drifts: true },
    { name: 'under the threshold: unchanged', empathy: 2.9, ruleFindings: [], drifts: false },
    { name: 'already drifting by an error finding: unchanged (the policy decided)', empathy: 2.7, ruleFindings: [error], drifts: false },
  ])('$name', ({ empathy, ruleFindings, drifts }) => {
    const grade = gradeOf({ empathy: scored(empathy, [empathy - 3]), clarity: scored(4, [1]), tone: scored(4, [1]) });
    const applied = applyDriftModel(model, dimensions, ruleFindings, grade);
    if (!drifts) {
      expect(applied).toBe(grade);
      return;
    }
    expect(applied.drift).toBe('major-drift');
    expect(applied.violations).toHaveLength(1);
    expect(applied.violations[0]).toMatchObject({ ruleId: 'heuristic/drift-signals', severity: 'error', kind: 'grader' });
    expect(applied.violations[0]!.message).toMatch(/model probability 0\.65 ≥ 0\.6: worstShortfall 0\.3/);
  });

  it('leaves an ungraded reply ungraded', () => {
    const failed: Grade = { ...gradeOf({}), status: 'error', error: 'x' };
    expect(applyDriftModel({ ...model, bias: 10 }, dimensions, [], failed)).toBe(failed);
  });
});

describe('readDriftModel', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'drift-model-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the bundled model, fitted over exactly the runtime signals', () => {
    const bundled = readDriftModel();
    expect(bundled.signals).toEqual([...DRIFT_SIGNALS]);
    expect(bundled.threshold).toBeGreaterThan(0);
    expect(bundled.threshold).toBeLessThan(1);
  });

  it.each([
    { name: 'signals out of date', patch: { signals: ['worstShortfall'] }, message: /signals/ },
    { name: 'a weight missing', patch: { weights: [1, 2] }, message: /weights/ },
    { name: 'threshold out of range', patch: { threshold: 1.5 }, message: /threshold/ },
  ])('refuses a model with $name, naming the field', ({ name, patch, message }) => {
    const file = path.join(dir, `${name.replace(/\W/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ ...model, ...patch }));
    try {
      readDriftModel(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GraderConfigError);
      const problems = (e as GraderConfigError & { problems?: { path: string }[] }).problems ?? [];
      expect(problems.map((p) => p.path).join(' ')).toMatch(message);
    }
  });

  it('refuses a file that is not JSON', () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{ not json');
    expect(() => readDriftModel(file)).toThrow(/cannot read the heuristic drift model/);
  });
});
