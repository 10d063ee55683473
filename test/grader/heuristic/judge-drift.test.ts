import { describe, expect, it } from 'vitest';
import { judgeDrift } from '../../../src/grader/heuristic/index.js';
import { makeDimension } from './make-guide.js';

const dims = [makeDimension('empathy', { min: 3 }), makeDimension('clarity', { min: 4 })];
const scores = (empathy: number, clarity: number) => ({ empathy: { score: empathy, reason: '' }, clarity: { score: clarity, reason: '' } });

describe('judgeDrift', () => {
  it('is on-brand when every dimension reaches its min', () => {
    expect(judgeDrift(dims, scores(3, 4))).toBe('on-brand');
    expect(judgeDrift(dims, scores(5, 5))).toBe('on-brand');
  });
  it('is minor drift (borderline, advisory) when the worst shortfall is under half a point', () => {
    expect(judgeDrift(dims, scores(2.9, 4))).toBe('minor-drift');
    expect(judgeDrift(dims, scores(3, 3.6))).toBe('minor-drift');
  });
  it('is major drift at a shortfall of half a point or more', () => {
    expect(judgeDrift(dims, scores(2.5, 4))).toBe('major-drift');
    expect(judgeDrift(dims, scores(3, 2.6))).toBe('major-drift');
  });
  it('ignores a score whose grader found no evidence either way (no cues): it abstains', () => {
    expect(judgeDrift(dims, { empathy: { score: 3, reason: '' }, clarity: { score: 3, reason: 'nothing seen', cues: [] } })).toBe('on-brand');
    expect(judgeDrift(dims, { clarity: { score: 3, reason: '', cues: [{ label: 'vague', effect: -0.5 }] } })).toBe('major-drift');
  });
  it('ignores dimensions without a score', () => {
    expect(judgeDrift(dims, { empathy: { score: 4, reason: '' } })).toBe('on-brand');
    expect(judgeDrift([], {})).toBe('on-brand');
  });
});
