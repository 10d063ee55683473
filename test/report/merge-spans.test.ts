import { describe, expect, it } from 'vitest';
import { markSpans } from '../../src/report/html/mark-spans.js';
import { mergeSpans } from '../../src/report/merge-spans.js';
import { terminal } from '../../src/report/terminal.js';
import { makeFinding, makeSample } from '../helpers/audit-factory.js';

const text = 'Hello world';

describe('mergeSpans', () => {
  it('merges overlaps into the most severe, keeps rule ids, sorts, and drops empty spans', () => {
    const spans = mergeSpans(text, [
      makeFinding({ ruleId: 'b', severity: 'info', span: { start: 6, end: 11 } }),
      makeFinding({ ruleId: 'a', severity: 'warning', span: { start: 0, end: 4 } }),
      makeFinding({ ruleId: 'c', severity: 'error', span: { start: 2, end: 5 } }),
      makeFinding({ ruleId: 'd', severity: 'error', span: { start: 7, end: 7 } }),
      makeFinding({ ruleId: 'e', severity: 'error' }),
    ]);
    expect(spans).toEqual([
      { start: 0, end: 5, severity: 'error', ruleIds: ['a', 'c'] },
      { start: 6, end: 11, severity: 'info', ruleIds: ['b'] },
    ]);
  });

  it('clamps spans to the text', () => {
    expect(mergeSpans(text, [makeFinding({ span: { start: -3, end: 2 } }), makeFinding({ span: { start: 9, end: 99 } })])).toEqual([
      { start: 0, end: 2, severity: 'error', ruleIds: ['no-jargon'] },
      { start: 9, end: 11, severity: 'error', ruleIds: ['no-jargon'] },
    ]);
  });

  // Regression: the terminal reporter merged spans on its own without clamping, so a span starting
  // before the text printed part of the reply twice around an empty `[]`.
  it('keeps the terminal and HTML highlights whole for out-of-range spans', () => {
    const findings = [makeFinding({ span: { start: -3, end: 2 } })];
    const out = terminal.sample(makeSample({ response: text, findings, verdict: 'drift' }), 0, { colorLevel: 0, showPassing: false });
    expect(out).toContain('[He]llo world');
    expect(markSpans(text, findings)).toBe('<mark class="sev-error" title="no-jargon">He</mark>llo world');
  });
});
