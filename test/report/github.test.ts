import { describe, expect, it } from 'vitest';
import { createGithubAnnotator, escapeCommandData, escapeCommandProperty, formatAnnotation, github, renderGithubAnnotations } from '../../src/report/github.js';
import { renderReport } from '../../src/report/reporter.js';
import type { AuditResult } from '../../src/types.js';
import { makeAudit, makeErrorGrade, makeFinding, makeGrade, makeSample, makeSamples } from '../helpers/audit-factory.js';
import { CTX, reportAudit } from './report-fixtures.js';

const PLAIN = { colorLevel: 0 as const, showPassing: false };

/** Each workflow command line: level, properties, message. */
function commands(out: string): { level: string; props: string; message: string }[] {
  return out
    .trimEnd()
    .split('\n')
    .map((line) => {
      const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
      if (!m) throw new Error(`not a workflow command: ${line}`);
      return { level: m[1]!, props: m[2] ?? '', message: m[3]! };
    });
}

/** The lines the Actions runner would read as a command: it trims leading whitespace first. */
function runnerCommands(out: string): string[] {
  return out.split(/\r?\n|\r/).map((l) => l.trimStart()).filter((l) => l.startsWith('::'));
}

describe('github reporter', () => {
  const out = renderReport(github, reportAudit(), CTX);
  const lines = commands(out);

  it('writes one workflow command per line (snapshot)', () => {
    expect(out).toMatchSnapshot();
  });

  it('puts the gate verdict first: an error when the gate failed, a notice when it passed', () => {
    expect(lines[0]!.level).toBe('error');
    expect(lines[0]!.props).toBe('title=tone-audit gate');
    expect(lines[0]!.message).toMatch(/^Gate FAILED: Northwind guide 2026\.4, 7 samples, 2 pass, 4 drifting \(66\.7%25 drift rate\)/);
    expect(lines[0]!.message).toContain('%0A- drift rate 66.7%25 exceeds --max-drift-rate 20.0%25%0A- 1 sample(s) ungraded: timeout after 30s');
    const passed = renderReport(github, makeAudit({ samples: [makeSample()] }), PLAIN);
    expect(passed).toBe(
      '::notice title=tone-audit gate::Gate passed: Northwind guide 2026.4, 1 sample, 1 pass, 0 drifting (0.0%25 drift rate), 0 ungraded, 0 skipped records; findings: 0 errors, 0 warnings, 0 info.%0Agrader: heuristic\n',
    );
  });

  it('annotates each drifting reply once, at its file and line, errors before warnings, naming its rules', () => {
    const replies = lines.slice(1);
    expect(replies.map((l) => [l.level, /line=(\d+)/.exec(l.props)?.[1]])).toEqual([
      ['error', '2'], // blame-2: an error finding stands, and more findings than hostile|7
      ['error', '7'],
      ['warning', '3'], // stiff-3: two warnings pile up to drift
      ['warning', '6'], // flat-6: drifts on scores alone
      ['warning', '4'], // timeout-4: ungraded
      ['warning', '9'], // a skipped record
    ]);
    for (const l of replies) expect(l.props).toMatch(/^file=replies\.jsonl,line=\d+,title=/);
    const blame = replies[0]!;
    expect(blame.props).toBe('file=replies.jsonl,line=2,title=drift%3A no-blame%2C plain-words');
    expect(blame.message).toBe(
      'Sample blame-2 drifts: 1 error, 2 warnings; grader major-drift (clarity 3, empathy 1).%0A- error no-blame: Blames the customer: “your fault”%0A- warning plain-words: Say “please” — “Kindly”%0A- warning plain-words: Say “use” — “utilize”',
    );
    // Passing replies, one warning and info findings are advisory: no annotation for pass-1 or emoji-5.
    expect(out).not.toMatch(/line=[15],/);
  });

  it('keeps at most 10 annotations per level, the worst, then a notice with what was left out and where', () => {
    const samples = makeSamples(30, (i) =>
      i < 15
        ? { verdict: 'drift', findings: Array.from({ length: 1 + (i % 4) }, () => makeFinding({ severity: 'error' })) }
        : { verdict: 'drift', findings: [makeFinding({ ruleId: 'plain', severity: 'warning' }), makeFinding({ ruleId: 'plain', severity: 'warning' })] },
    );
    const audit = makeAudit({ samples, gate: { passed: false, reasons: ['too many'] } });
    const text = renderGithubAnnotations(audit, PLAIN, { fullReport: ['reports/tone-audit.json', 'the job summary'] });
    const cmds = commands(text);
    expect(cmds.filter((c) => c.level === 'error')).toHaveLength(10);
    expect(cmds.filter((c) => c.level === 'warning')).toHaveLength(10);
    // The gate takes one of the ten error slots; the nine error replies shown are those with the most errors (4, then 3).
    const errorLines = cmds.filter((c) => c.level === 'error').slice(1).map((c) => Number(/line=(\d+)/.exec(c.props)![1]));
    expect(errorLines).toEqual([4, 8, 12, 3, 7, 11, 15, 2, 6]);
    const last = cmds.at(-1)!;
    expect(last.level).toBe('notice');
    expect(last.message).toBe(
      '11 more replies or records were left out (6 drifting with errors, 5 drifting with warnings or low scores): GitHub shows only 10 annotations of each kind per step, so these are the worst. Full report: reports/tone-audit.json, the job summary.',
    );
    // Nothing left out, no notice.
    expect(commands(renderReport(github, reportAudit(), CTX)).filter((c) => c.level === 'notice')).toEqual([]);
  });

  it('streams with bounded state and gives the same output as a whole-result render', () => {
    const audit = reportAudit();
    const { samples, inputProblems, summary, gate, ...header } = audit;
    const annotator = createGithubAnnotator();
    expect(annotator.begin(header, CTX)).toBe('');
    for (const [i, s] of samples.entries()) expect(annotator.sample(s, i, CTX)).toBe('');
    expect(annotator.end(header, { inputProblems, summary, gate }, CTX)).toBe(out);
    // begin resets it, so one annotator can render a second run.
    annotator.begin(header, CTX);
    expect(annotator.end(header, { inputProblems: [], summary, gate }, CTX)).toBe(`${out.split('\n')[0]}\n`);
  });

  it('cannot be made to start a new command by bot text', () => {
    const audit: AuditResult = makeAudit({
      samples: [
        makeSample({
          id: 'x\n::error::id',
          source: { file: 'a,b:c.jsonl', line: 4 },
          response: 'Sure.\n::add-mask::secret\n::error::x',
          verdict: 'drift',
          findings: [
            makeFinding({ ruleId: 'r,1:2', message: 'bad\r\n::error::pwned', match: '%0A::error::encoded \u001b]0;title\u0007' }),
            makeFinding({ message: 'quotes', match: 'Sure.\n::add-mask::secret\n::error::x' }),
          ],
        }),
        makeSample({ id: 'u', verdict: 'ungraded', grade: makeErrorGrade('boom\n::add-mask::secret') }),
      ],
      gate: { passed: false, reasons: ['reason\n::add-mask::secret'] },
    });
    const text = renderReport(github, audit, { ...PLAIN, graderNote: 'note\r::error::x', gateNotes: ['\n::warning::y'] });
    const cmds = runnerCommands(text);
    expect(cmds).toHaveLength(3);
    expect(cmds.every((l) => /^::(error|warning) (title|file)=/.test(l))).toBe(true);
    expect(text).not.toMatch(/^\s*::add-mask::/m);
    expect(text).not.toMatch(/^\s*::error::x/m);
    expect(text).not.toContain('\u001b');
    expect(cmds[1]).toBe(
      '::error file=a%2Cb%3Ac.jsonl,line=4,title=drift%3A r%2C1%3A2%2C no-jargon::Sample x%0A::error::id drifts: 2 errors, 0 warnings.%0A- error r,1:2: bad%0D%0A::error::pwned — “%250A::error::encoded \\x1b]0;title\\x07”%0A- error no-jargon: quotes — “Sure.%0A::add-mask::secret%0A::error::x”',
    );
  });

  it('points at no file for stdin', () => {
    expect(formatAnnotation('warning', 'm', { location: { file: '-', line: 3 }, title: 't' })).toBe('::warning title=t::m\n');
    expect(formatAnnotation('warning', 'm', { location: { file: '<check>', line: 1 } })).toBe('::warning::m\n');
    expect(formatAnnotation('error', 'm', { location: { file: 'f.csv', line: 3, col: 7 } })).toBe('::error file=f.csv,line=3,col=7::m\n');
  });

  it('escapes data and properties as the runner decodes them', () => {
    expect(escapeCommandData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeCommandProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('says when drift comes from scores alone', () => {
    const audit = makeAudit({ samples: [makeSample({ verdict: 'drift', grade: makeGrade({ empathy: 1 }, { drift: 'major-drift' }) })] });
    const cmds = commands(renderReport(github, audit, PLAIN));
    expect(cmds[1]).toEqual({ level: 'warning', props: 'file=samples.jsonl,line=1,title=drift%3A major-drift', message: 'Sample s1 drifts: 0 errors, 0 warnings; grader major-drift (empathy 1).' });
  });
});
