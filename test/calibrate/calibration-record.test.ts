import { describe, expect, it } from 'vitest';
import { applyCalibration, staleReasons, type CalibrationRecord } from '../../src/calibrate/index.js';
import type { Grader } from '../../src/grader/grader.js';
import type { Dimension, Sample } from '../../src/types.js';
import { makeGrade } from '../helpers/audit-factory.js';
import { makeGuide } from '../helpers/guide-factory.js';

const dimension = (id: string, min: number): Dimension => ({ id, description: id, scale: { 1: 'bad', 5: 'good' }, min, weight: 1 });
const guide = makeGuide({ dimensions: [dimension('empathy', 3), dimension('clarity', 3)] });
const record: CalibrationRecord = {
  kind: 'tone-audit-calibration',
  version: 1,
  createdAt: '2026-11-23T12:00:00.000Z',
  guide: { brand: guide.brand, version: guide.version, hash: guide.source.hash },
  grader: { kind: 'heuristic', promptHash: 'p1' },
  labels: { file: 'labels.jsonl', count: 10, sha256: 'c'.repeat(64) },
  dimensions: { empathy: { min: 4.5 }, warmth: { min: 2 } },
  heldOut: { precision: 0.9, recall: 0.8, falsePositiveRate: 0.1, n: 10 },
};
const sample: Sample = { id: 'x', response: 'r', customer: 'c', metadata: {}, source: { file: 'f', line: 1 } };

function fakeGrader(scores: Record<string, number>, extra: Record<string, unknown> = {}): Grader {
  return Object.assign({ kind: 'heuristic' as const, promptHash: 'p1', grade: async () => makeGrade(scores, { drift: 'on-brand', rewrite: 'kept?' }) }, extra);
}

describe('staleReasons', () => {
  it('is empty for the same guide and judge, and names each difference', () => {
    expect(staleReasons(record, { guideHash: guide.source.hash, grader: { kind: 'heuristic', promptHash: 'p1' } })).toEqual([]);
    expect(staleReasons(record, { guideHash: 'f'.repeat(64), grader: { kind: 'heuristic', promptHash: 'p2' } })).toEqual([
      'the style guide changed since it was measured',
      'the grader\'s prompt (or heuristic lexicon) changed since it was measured',
    ]);
    expect(staleReasons(record, { guideHash: guide.source.hash, grader: { kind: 'llm', model: 'm' } })[0]).toMatch(/heuristic grader, this audit uses llm/);
  });
});

describe('applyCalibration', () => {
  it('patches the guide minimums, names the record and lists unknown dimensions', () => {
    const applied = applyCalibration(guide, fakeGrader({}), record, { file: 'cal.json', sha256: 'd'.repeat(64) });
    expect(applied.guide.dimensions.map((d) => d.min)).toEqual([4.5, 3]);
    expect(guide.dimensions[0]!.min).toBe(3);
    expect(applied.header).toEqual({ file: 'cal.json', createdAt: record.createdAt, sha256: 'd'.repeat(64), stale: false });
    expect(applied.unknownDimensions).toEqual(['warmth']);
  });

  it('re-decides the grader\'s drift from the calibrated minimums and keeps its other properties', async () => {
    const inner = fakeGrader({ empathy: 3.5, clarity: 4 }, { model: 'm', totals: () => ({ calls: 3 }) });
    const applied = applyCalibration(guide, inner, record, { file: 'cal.json', sha256: 'd'.repeat(64) });
    const grade = await applied.grader!.grade(sample, []);
    expect(grade.drift).not.toBe('on-brand'); // 3.5 is a point below the calibrated 4.5
    expect(applied.grader!.promptHash).toBe('p1');
    expect((applied.grader as unknown as { totals(): unknown }).totals()).toEqual({ calls: 3 });
    expect('totals' in applied.grader!).toBe(true);

    const lenient = applyCalibration(guide, fakeGrader({ empathy: 4.8 }), record, { file: 'cal.json', sha256: 'd'.repeat(64) });
    expect((await lenient.grader!.grade(sample, [])).drift).toBe('on-brand');
  });

  it('marks a record measured on another guide as stale', () => {
    const applied = applyCalibration({ ...guide, source: { file: 'g.yaml', hash: 'e'.repeat(64) } }, fakeGrader({}), record, { file: 'cal.json', sha256: 'd'.repeat(64) });
    expect(applied.header.stale).toBe(true);
    expect(applied.staleReasons).toEqual(['the style guide changed since it was measured']);
  });
});
