import { describe, expect, it } from 'vitest';
import { countsAsDrift, decideVerdict, WARNING_PILE_UP } from '../../src/findings/decide-verdict.js';
import { makeErrorGrade, makeFinding, makeGrade } from '../helpers/audit-factory.js';

const warning = (ruleId: string) => makeFinding({ ruleId, severity: 'warning' });

describe('decideVerdict: the verdict policy', () => {
  it('sends a reply back for an error finding, rule or grader', () => {
    expect(decideVerdict([makeFinding()], undefined)).toBe('drift');
    expect(decideVerdict([makeFinding({ origin: 'grader', kind: 'grader' })], makeGrade({ empathy: 4 }))).toBe('drift');
  });

  it('keeps one warning advisory, and counts a pile-up of warnings as drift', () => {
    expect(decideVerdict([warning('plain-words')], makeGrade({ empathy: 4 }))).toBe('pass');
    expect(WARNING_PILE_UP).toBe(2);
    expect(decideVerdict([warning('plain-words'), warning('readable')], makeGrade({ empathy: 4 }))).toBe('drift');
    expect(decideVerdict([makeFinding({ severity: 'info' }), makeFinding({ severity: 'info' })], undefined)).toBe('pass');
  });

  it('counts a clear shortfall (major drift) and lets a borderline one (minor drift) pass', () => {
    expect(decideVerdict([], makeGrade({ empathy: 2 }, { drift: 'major-drift' }))).toBe('drift');
    expect(decideVerdict([], makeGrade({ empathy: 2.8 }, { drift: 'minor-drift' }))).toBe('pass');
  });

  it('does not count a finding the LLM grader overruled, and counts one it confirmed', () => {
    const overruled = makeFinding({ kind: 'escalation', review: { by: 'llm', decision: 'overruled', reason: 'the reply hands off to the claims team' } });
    const confirmed = makeFinding({ kind: 'escalation', review: { by: 'llm', decision: 'confirmed', reason: 'no handoff' } });
    expect(countsAsDrift(overruled)).toBe(false);
    expect(decideVerdict([overruled], makeGrade({ empathy: 4 }))).toBe('pass');
    expect(decideVerdict([confirmed], makeGrade({ empathy: 4 }))).toBe('drift');
  });

  it('is ungraded, not a pass, when the grader failed and nothing else was found', () => {
    expect(decideVerdict([], makeErrorGrade())).toBe('ungraded');
    expect(decideVerdict([makeFinding()], makeErrorGrade())).toBe('drift');
    expect(decideVerdict([warning('plain-words')], makeErrorGrade())).toBe('ungraded');
  });
});
