import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStyleGuide } from '../../../src/load/styleguide/index.js';
import { runCli } from '../../helpers/run-cli.js';
import { FILE, formattedProblemsOf, guideText, positionOf, problemsOf } from './guide-fixtures.js';

const root = path.resolve(import.meta.dirname, '../../..');

/** The base fixture guide with a `scored_examples:` section (in the examples slot, so it comes last). */
const withScored = (yaml: string): string => guideText({ examples: `scored_examples:\n${yaml}` });

describe('scored_examples', () => {
  it('loads acceptable and drifting replies, with partial scores and default ids', () => {
    const guide = parseStyleGuide(
      withScored(
        [
          '  - id: calm-answer',
          '    customer: How do I rotate a key?',
          '    reply: Open Settings, then API keys.',
          '    verdict: ok',
          '    scores: { empathy: 3 }',
          '    why: A calm question needs no apology.',
          '  - reply: Per our policy, no.',
          '    verdict: drift',
          '    why: Curt policy refusal.',
        ].join('\n'),
      ),
      FILE,
    );
    expect(guide.scoredExamples).toEqual([
      { id: 'calm-answer', customer: 'How do I rotate a key?', reply: 'Open Settings, then API keys.', verdict: 'ok', scores: { empathy: 3 }, why: 'A calm question needs no apology.' },
      { id: 'scored-example-2', customer: '', reply: 'Per our policy, no.', verdict: 'drift', scores: {}, why: 'Curt policy refusal.' },
    ]);
    expect(parseStyleGuide(guideText(), FILE).scoredExamples).toEqual([]);
  });

  it('reports a score for a dimension the guide does not have at the key, with a did-you-mean', () => {
    const text = withScored(['  - reply: Fine.', '    verdict: ok', '    scores:', '      empaty: 4', '    why: x'].join('\n'));
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      location: { file: FILE, ...positionOf(text, 'empaty') },
      path: 'scored_examples[0].scores.empaty',
      message: 'scores names dimension "empaty", but the guide has no dimension with that id',
      hint: 'did you mean `empathy`?',
    });
  });

  it('reports scores outside 1–5, fractions, a bad verdict and missing keys, each at file:line:col', () => {
    const text = withScored(
      [
        '  - reply: Fine.',
        '    verdict: okay',
        '    scores: { empathy: 7 }',
        '    why: x',
        '  - reply: Also fine.',
        '    verdict: drift',
        '    scores: { empathy: 2.5 }',
        '  - verdict: ok',
        '    why: no reply',
      ].join('\n'),
    );
    const at = (needle: string) => {
      const { line, col } = positionOf(text, needle);
      return `${FILE}:${line}:${col}`;
    };
    // A missing key is reported at the mapping that should hold it.
    expect(formattedProblemsOf(text)).toEqual([
      `${at('okay')} scored_examples[0].verdict: expected ok or drift, got "okay"`,
      `${at('7 }')} scored_examples[0].scores.empathy: expected a whole number from 1 to 5, got 7`,
      `${at('reply: Also fine.')} scored_examples[1].why: missing required key \`why\``,
      `${at('2.5')} scored_examples[1].scores.empathy: expected a whole number from 1 to 5, got 2.5`,
      `${at('verdict: ok\n')} scored_examples[2].reply: missing required key \`reply\``,
    ]);
  });

  it('refuses an ok example that scores below a dimension\'s minimum', () => {
    const text = withScored(['  - reply: Fine.', '    verdict: ok', '    scores: { empathy: 2 }', '    why: x'].join('\n'));
    expect(problemsOf(text)).toEqual([
      {
        location: { file: FILE, ...positionOf(text, '2 }') },
        path: 'scored_examples[0].scores.empathy',
        message: 'verdict is ok, but empathy scores 2, below its minimum 3 (a reply under a minimum is drifting)',
        hint: 'raise the score to 3 or more, or make the verdict drift',
      },
    ]);
    expect(() => parseStyleGuide(withScored(['  - { reply: Fine., verdict: drift, scores: { empathy: 2 }, why: x }'].join('\n')), FILE)).not.toThrow();
  });

  it('reports duplicate ids like the other sections', () => {
    const text = withScored(['  - { id: a, reply: x, verdict: ok, why: y }', '  - { id: a, reply: z, verdict: drift, why: w }'].join('\n'));
    expect(formattedProblemsOf(text)).toEqual([expect.stringMatching(/^guide\.yaml:\d+:\d+ scored_examples\[1\]\.id: duplicate id "a" is already used by scored_examples\[0\]/)]);
  });

  it('the bundled guide carries scored examples and still passes guide lint', async () => {
    const file = path.join(root, 'styleguide/northwind.yaml');
    const guide = parseStyleGuide(readFileSync(file, 'utf8'), file);
    const scored = guide.scoredExamples ?? [];
    expect(scored.length).toBeGreaterThanOrEqual(5);
    expect(new Set(scored.map((e) => e.verdict))).toEqual(new Set(['ok', 'drift']));
    const run = await runCli(['guide', 'lint', file]);
    expect(run.stderr).not.toContain('scored_examples');
    expect(run.code).toBe(0);
  });
});
