import { describe, expect, it } from 'vitest';
import { escapeCommandData, escapeCommandProperty, formatAnnotation, github } from '../../src/report/github.js';
import { renderReport } from '../../src/report/reporter.js';
import { makeAudit, makeFinding, makeSample } from '../helpers/audit-factory.js';
import { CTX, reportAudit } from './report-fixtures.js';

describe('github reporter', () => {
  const out = renderReport(github, reportAudit(), CTX);
  const lines = out.trimEnd().split('\n');

  it('writes one workflow command per line (snapshot)', () => {
    expect(out).toMatchSnapshot();
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice)( [^:]+)?::/);
  });

  it('annotates each finding at its input file and record line, by severity', () => {
    expect(lines).toContain('::error file=replies.jsonl,line=2,title=no-blame::Blames the customer: “your fault” (sample blame-2)');
    expect(lines).toContain('::warning file=replies.jsonl,line=3,title=plain-words::Say “now” — “at this time” (sample stiff-3)');
    expect(lines).toContain('::notice file=replies.jsonl,line=5,title=no-emoji::No emoji — “🎉” (sample emoji-5)');
    expect(lines).toContain('::warning file=replies.jsonl,line=4,title=ungraded::The grader could not judge sample timeout-4: timeout after 30s');
    expect(lines).toContain('::warning file=replies.jsonl,line=6,title=tone drift::Sample flat-6 drifts off-brand (minor-drift; clarity 4, empathy 2)');
    expect(lines).toContain('::warning file=replies.jsonl,line=9,title=skipped record::Skipped record (response): missing field "response"');
  });

  it('ends with the summary and gate verdict: an error when the gate failed, a notice when it passed', () => {
    expect(lines.at(-1)).toMatch(/^::error title=tone-audit%3A gate failed::Northwind guide 2026\.4: 7 samples, 2 pass, 4 drifting \(66\.7%25 drift rate\)/);
    expect(lines.at(-1)).toContain('%0Agate: FAILED%0A- drift rate 66.7%25 exceeds --max-drift-rate 20.0%25%0A- 1 sample(s) ungraded: timeout after 30s');
    const passed = renderReport(github, makeAudit({ samples: [makeSample()] }), { colorLevel: 0, showPassing: false });
    expect(passed).toBe('::notice title=tone-audit%3A gate passed::Northwind guide 2026.4: 1 sample, 1 pass, 0 drifting (0.0%25 drift rate), 0 ungraded, 0 skipped records; findings: 0 errors, 0 warnings, 0 info.%0Agrader: heuristic%0Agate: passed\n',
    );
  });

  it('cannot be made to start a new command by bot text', () => {
    const audit = makeAudit({
      samples: [
        makeSample({
          id: 'x\n::error::id',
          source: { file: 'a,b:c.jsonl', line: 4 },
          verdict: 'drift',
          findings: [makeFinding({ ruleId: 'r,1:2', message: 'bad\r\n::error::pwned', match: '%0A::error::encoded \u001b]0;title\u0007' })],
        }),
      ],
    });
    const text = renderReport(github, audit, { colorLevel: 0, showPassing: false });
    const annotation = text.split('\n')[0]!;
    expect(text.split('\n').filter((l) => l.includes('pwned') || l.includes('encoded'))).toHaveLength(1);
    expect(text.match(/^::/gm)).toHaveLength(2);
    expect(annotation).toBe(
      '::error file=a%2Cb%3Ac.jsonl,line=4,title=r%2C1%3A2::bad%0D%0A::error::pwned — “%250A::error::encoded \\x1b]0;title\\x07” (sample x%0A::error::id)',
    );
  });

  it('points at no file for stdin', () => {
    expect(formatAnnotation('warning', 'm', { location: { file: '-', line: 3 }, title: 't' })).toBe('::warning title=t::m\n');
    expect(formatAnnotation('error', 'm', { location: { file: 'f.csv', line: 3, col: 7 } })).toBe('::error file=f.csv,line=3,col=7::m\n');
  });

  it('escapes data and properties as the runner decodes them', () => {
    expect(escapeCommandData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeCommandProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});
