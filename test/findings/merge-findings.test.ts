import { describe, expect, it } from 'vitest';
import { mergeFindings } from '../../src/findings/merge-findings.js';
import { makeFinding } from '../helpers/audit-factory.js';

const at = (start: number, end: number) => ({ span: { start, end } });

describe('mergeFindings', () => {
  it('folds a grader violation on the same text into the rule finding, keeping the worse severity', () => {
    const rule = makeFinding({ ruleId: 'policy-first', severity: 'warning', ...at(0, 14) });
    const grader = makeFinding({ ruleId: 'heuristic/policy-first', kind: 'grader', origin: 'grader', severity: 'error', ...at(0, 14) });
    expect(mergeFindings([rule], [grader])).toEqual([{ ...rule, severity: 'error', alsoFoundBy: ['heuristic/policy-first'] }]);
    expect(rule.alsoFoundBy).toBeUndefined(); // inputs untouched
  });

  it('keeps violations elsewhere in the reply, and those without a span', () => {
    const rule = makeFinding({ ruleId: 'no-blame', ...at(0, 5) });
    const elsewhere = makeFinding({ ruleId: 'heuristic/sarcasm', origin: 'grader', ...at(10, 20) });
    const whole = makeFinding({ ruleId: 'heuristic/no-empathy', origin: 'grader' });
    expect(mergeFindings([rule], [elsewhere, whole]).map((f) => f.ruleId)).toEqual(['no-blame', 'heuristic/sarcasm', 'heuristic/no-empathy']);
  });
});
