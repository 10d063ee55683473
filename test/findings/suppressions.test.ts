import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { applySuppressions, parseSuppressions } from '../../src/findings/suppressions.js';
import type { Suppression } from '../../src/findings/suppressions.js';
import { findingAt, makeFinding, makeGrade, makeSample } from '../helpers/audit-factory.js';

const FILE = 'accepted.yaml';

function problemsOf(text: string): string[] {
  try {
    parseSuppressions(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => `${p.location.line}:${p.location.col} ${p.path}: ${p.message}`);
  }
  throw new Error('expected a ConfigError');
}

describe('parseSuppressions', () => {
  it('reads the accepted list with positions', () => {
    const text = [
      'accepted:',
      '  - sample: conv-0142',
      '    rule: no-jargon',
      '    match: "Circle  back"',
      '    reason: Quoting the customer',
      '    by: dana',
      '    date: 2026-04-02',
      '    expires: 2026-07-01',
      '  - { sample: 0142, rule: length, reason: Legal text, by: lee, date: 2026-01-31 }',
    ].join('\n');
    expect(parseSuppressions(text, FILE)).toEqual([
      {
        sample: 'conv-0142',
        rule: 'no-jargon',
        match: 'Circle  back',
        reason: 'Quoting the customer',
        by: 'dana',
        date: '2026-04-02',
        expires: '2026-07-01',
        location: { file: FILE, line: 2, col: 5 },
      },
      // A numeric-looking id keeps its spelling.
      { sample: '0142', rule: 'length', reason: 'Legal text', by: 'lee', date: '2026-01-31', location: { file: FILE, line: 9, col: 5 } },
    ]);
  });

  it('accepts a bare top-level list and an empty file', () => {
    expect(parseSuppressions('- {sample: a, rule: r, reason: x, by: y, date: 2026-02-28}\n', FILE)).toHaveLength(1);
    expect(parseSuppressions('', FILE)).toEqual([]);
    expect(parseSuppressions('accepted:\n', FILE)).toEqual([]);
  });

  it('reports every problem at once with line and column', () => {
    const text = [
      'accepted:',
      '  - sample: a',
      '    rule: r',
      '    reason: ""',
      '    by: dana',
      '    date: 2026-02-30',
      '    expire: 2026-03-01',
      '  - just a string',
      '  - sample: b',
      '    rule: r',
      'extra: 1',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      '4:13 accepted[0].reason: expected a non-empty string',
      '6:11 accepted[0].date: expected a date as YYYY-MM-DD, got "2026-02-30"',
      '7:5 accepted[0].expire: unknown key "expire"',
      '8:5 accepted[1]: expected a mapping with sample, rule, reason, by and date',
      '9:5 accepted[2]: missing required key "reason"',
      '9:5 accepted[2]: missing required key "by"',
      '9:5 accepted[2]: missing required key "date"',
      '11:1 extra: unknown key; the file holds one key, `accepted`',
    ]);
  });

  it('reports YAML syntax errors and a wrong top-level shape', () => {
    const [syntax] = problemsOf('accepted:\n  - sample: "unterminated\n');
    expect(syntax).toMatch(/^\d+:\d+ : invalid YAML: /);
    expect(problemsOf('accepted: 3\n')).toEqual(['1:11 accepted: expected a list of accepted findings']);
    expect(problemsOf('a: 1\na: 2\n')[0]).toMatch(/invalid YAML: Map keys must be unique/);
  });

  it('says how many problems in the error message', () => {
    expect(() => parseSuppressions('- 1\n- 2\n', FILE)).toThrow('accepted.yaml: the accepted-findings file has 2 problems');
  });
});

describe('applySuppressions', () => {
  const entry = (overrides: Partial<Suppression> = {}): Suppression => ({
    sample: 's1',
    rule: 'no-jargon',
    reason: 'ok',
    by: 'dana',
    date: '2026-01-01',
    location: { file: FILE, line: 1, col: 3 },
    ...overrides,
  });
  const response = 'Let us circle back on the synergy.';
  const drifting = makeSample({
    response,
    verdict: 'drift',
    findings: [findingAt(response, 'circle back'), findingAt(response, 'synergy'), makeFinding({ ruleId: 'length', kind: 'length', severity: 'info' })],
  });

  it('removes findings matching sample, rule and normalised text, and lets the sample pass', () => {
    const out = applySuppressions([drifting], [entry({ match: 'Circle   BACK' }), entry({ match: 'synergy' })], '2026-04-01');
    expect(out.suppressed).toBe(2);
    expect(out.results[0]?.findings.map((f) => f.ruleId)).toEqual(['length']);
    expect(out.results[0]?.verdict).toBe('pass');
    expect(out.unused).toEqual([]);
    expect(drifting.findings).toHaveLength(3); // input untouched
  });

  it('without match, accepts every finding of the rule in the sample', () => {
    const out = applySuppressions([drifting], [entry()], '2026-04-01');
    expect(out.suppressed).toBe(2);
  });

  it('keeps the sample drifting while another failing finding or an off-brand grade remains', () => {
    expect(applySuppressions([drifting], [entry({ match: 'synergy' })], '2026-04-01').results[0]?.verdict).toBe('drift');
    const offBrand = { ...drifting, grade: makeGrade({ warmth: 2 }, { drift: 'major-drift' }) };
    expect(applySuppressions([offBrand], [entry()], '2026-04-01').results[0]?.verdict).toBe('drift');
  });

  it('also removes an accepted grader violation from the grade', () => {
    const violation = makeFinding({ ruleId: 'tone', kind: 'grader', origin: 'grader', severity: 'warning', match: 'synergy' });
    const sample = makeSample({ verdict: 'drift', findings: [violation], grade: makeGrade({ warmth: 4 }, { violations: [violation] }) });
    const out = applySuppressions([sample], [entry({ rule: 'tone' })], '2026-04-01');
    expect(out.results[0]?.grade?.violations).toEqual([]);
    expect(out.results[0]?.verdict).toBe('pass');
  });

  it('reports entries that matched nothing', () => {
    const stale = entry({ sample: 'other' });
    const wrongText = entry({ match: 'leverage' });
    const out = applySuppressions([drifting], [stale, wrongText], '2026-04-01');
    expect(out.suppressed).toBe(0);
    expect(out.unused).toEqual([stale, wrongText]);
    expect(out.results[0]).toBe(drifting);
  });

  it('stops applying an entry on its expiry date and reports it', () => {
    const expiring = entry({ expires: '2026-04-01' });
    const before = applySuppressions([drifting], [expiring], '2026-03-31');
    expect(before).toMatchObject({ suppressed: 2, expired: [], unused: [] });
    const on = applySuppressions([drifting], [expiring], '2026-04-01');
    expect(on).toMatchObject({ suppressed: 0, expired: [expiring], unused: [] });
    expect(on.results[0]?.verdict).toBe('drift');
  });

  it('rejects a malformed date', () => {
    expect(() => applySuppressions([], [], '1/4/2026')).toThrow(RangeError);
  });
});
