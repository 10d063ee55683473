import { describe, expect, it } from 'vitest';
import { trend } from '../../src/diff/trend.js';
import { makeAudit, makeErrorGrade, makeFinding, makeGrade, makeSamples } from '../helpers/audit-factory.js';

describe('trend', () => {
  it('summarises each audit in order', () => {
    const week1 = makeAudit({
      inputs: ['week-1.jsonl'],
      dimensions: [{ id: 'warmth', min: 3 }, { id: 'clarity', min: 3 }],
      samples: makeSamples(10, (i) => ({
        verdict: i < 2 ? 'drift' : i === 9 ? 'ungraded' : 'pass',
        findings: i < 3 ? [makeFinding({ severity: i === 0 ? 'warning' : 'error' })] : [],
        grade: i === 9 ? makeErrorGrade() : makeGrade({ warmth: 4, clarity: 2 }),
      })),
    });
    const week2 = makeAudit({
      inputs: ['week-2a.jsonl', 'week-2b.csv'],
      guide: { brand: 'N', version: '2026.5', hash: 'h', file: 'g.yaml' },
      samples: makeSamples(4),
    });
    const [first, second] = trend([week1, week2]);
    expect(first).toMatchObject({
      label: '2026.4 · week-1.jsonl',
      samples: 10,
      ungraded: 1,
      driftRate: { count: 2, n: 9 },
      dimensions: [
        { id: 'clarity', n: 9, mean: 2 },
        { id: 'warmth', n: 9, mean: 4 },
      ],
      errors: 2,
      warnings: 1,
    });
    expect(first?.driftRate.rate).toBeCloseTo(2 / 9, 14);
    expect(second).toMatchObject({ label: '2026.5 · week-2a.jsonl, week-2b.csv', guideVersion: '2026.5', driftRate: { count: 0, n: 4, low: 0 }, errors: 0 });
    expect(trend([])).toEqual([]);
  });
});
