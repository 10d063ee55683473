import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { parseStyleGuide } from '../../../src/load/styleguide/index.js';
import { FILE, formattedProblemsOf, guideText, problemsOf } from './guide-fixtures.js';

// Fixture line numbers: the base guide is brand (1), version (2), voice (3-4), dimensions (5-9),
// then rules from line 10 unless a test replaces a section.

describe('parseStyleGuide rejects broken YAML', () => {
  it('reports a syntax error at its position', () => {
    const text = guideText({ rules: 'rules:\n  - id: a\n    terms: [x, y\n  - id: b' });
    expect(formattedProblemsOf(text)).toEqual([
      'guide.yaml:13:3 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('reports duplicate keys, which YAML would otherwise silently overwrite', () => {
    expect(formattedProblemsOf(guideText({ examples: 'brand: Other' }))).toEqual([
      'guide.yaml:14:1 YAML syntax error: Map keys must be unique',
    ]);
  });

  it('rejects an empty file and a file that is not a mapping', () => {
    expect(formattedProblemsOf('# only a comment\n')).toEqual(['guide.yaml:1:1 the style guide is empty']);
    expect(formattedProblemsOf('- a\n- b\n')).toEqual([
      'guide.yaml:1:1 expected a mapping with brand, version, voice, dimensions and rules, got a list',
    ]);
  });

  it('refuses a "billion laughs" alias bomb as a guide problem, not an internal error', () => {
    const bomb = ['brand: B', 'version: "1"', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++) bomb.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const started = Date.now();
    expect(formattedProblemsOf(bomb.join('\n'))).toEqual([
      expect.stringMatching(/^guide\.yaml:1:1 YAML aliases expand too far \(.+\); write the repeated lists out/),
    ]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('throws a ConfigError whose message names the file and the count', () => {
    expect(() => parseStyleGuide('', 'g.yaml')).toThrow(ConfigError);
    expect(() => parseStyleGuide('', 'g.yaml')).toThrow('invalid style guide g.yaml (1 problem)');
  });
});

describe('parseStyleGuide reports wrong types at the value', () => {
  it('a string where a list of strings belongs, with a hint showing the list form', () => {
    const [problem, ...rest] = problemsOf(
      guideText({ escalation: 'escalation:\n  - id: e\n    customer_mentions: at this time\n    handoff: [x]' }),
    );
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      location: { file: FILE, line: 16, col: 24 },
      path: 'escalation[0].customer_mentions',
      message: 'expected a list of strings, got a string',
      hint: 'write `customer_mentions: ["at this time"]`',
    });
  });

  it('numbers, lists and bad enum values, each at its own node', () => {
    const text = guideText({
      brand: 'brand: 42',
      version: 'version: [1]',
      rules: 'rules:\n  - id: no-blame\n    kind: banned\n    severity: critical\n    when: { customer: 3 }',
    });
    expect(formattedProblemsOf(text)).toEqual([
      'guide.yaml:1:8 brand: expected a string, got the number 42',
      'guide.yaml:2:10 version: expected a version such as "2026.4", got a list',
      'guide.yaml:13:15 rules[0].severity: expected one of error, warning, info, got "critical"',
      'guide.yaml:14:23 rules[0].when.customer: expected a signal id or a list of signal ids, got the number 3',
    ]);
    expect(problemsOf(text)[0]?.hint).toBe('put it in quotes: `brand: "42"`');
  });

  it('a signal id where `when` needs a mapping, with the fix as a hint', () => {
    const [problem] = problemsOf(guideText({ rules: 'rules:\n  - id: a\n    kind: judge\n    when: urgent' }));
    expect(problem?.hint).toBe('write `when: { customer: urgent }`');
  });

  it('empty strings and empty values', () => {
    expect(formattedProblemsOf(guideText({ brand: 'brand: ""', voice: 'voice:\n  summary:' }))).toEqual([
      'guide.yaml:1:8 brand: must not be empty',
      'guide.yaml:4:3 voice.summary: expected a string, got an empty value',
    ]);
  });

  it('a near-miss enum value gets a "did you mean"', () => {
    const [problem] = problemsOf(guideText({ rules: 'rules:\n  - id: a\n    kind: banned\n    severity: warn\n    terms: [x]' }));
    expect(problem?.hint).toBe('did you mean `warning`?');
  });

  it('ids that are not kebab-case, and dates that are not YYYY-MM-DD', () => {
    const text = guideText({ examples: 'changelog:\n  - { version: "2", date: 1 October, note: x }\nsignals:\n  Frustrated: { any: [x] }' });
    expect(formattedProblemsOf(text)).toEqual([
      'guide.yaml:15:27 changelog[0].date: expected a date written YYYY-MM-DD, got "1 October"',
      'guide.yaml:17:3 signals.Frustrated: ids are kebab-case: lowercase letters and digits joined by hyphens, e.g. `no-blame`, got "Frustrated"',
    ]);
  });
});

describe('parseStyleGuide reports missing required keys at the parent mapping', () => {
  it('top-level, nested and list-item keys', () => {
    const text = guideText({ brand: null, voice: 'voice: {}', dimensions: 'dimensions:\n  - id: empathy\n    scale: { 1: a, 5: b }' });
    expect(formattedProblemsOf(text)).toEqual([
      'guide.yaml:1:1 brand: missing required key `brand`',
      'guide.yaml:2:8 voice.summary: missing required key `summary`',
      'guide.yaml:4:5 dimensions[0].description: missing required key `description`',
      'guide.yaml:4:5 dimensions[0].min: missing required key `min`',
    ]);
  });

  it('an empty list where at least one item is needed', () => {
    expect(formattedProblemsOf(guideText({ dimensions: 'dimensions: []' }))).toEqual([
      'guide.yaml:5:13 dimensions: list at least one dimension',
    ]);
  });
});

describe('parseStyleGuide reports unknown keys at the key, with a hint', () => {
  it('a typo in a rule says what was meant', () => {
    const text = guideText({ rules: 'rules:\n  - id: no-blame\n    kind: banned\n    sevrity: error\n    terms: [x]' });
    expect(problemsOf(text)).toEqual([
      {
        location: { file: FILE, line: 13, col: 5 },
        path: 'rules[0].sevrity',
        message: 'unknown key `sevrity` for a `banned` rule',
        hint: 'did you mean `severity`?',
      },
    ]);
  });

  it("another kind's key says which kind it belongs to; a stranger lists the valid keys", () => {
    const text = guideText({ rules: 'rules:\n  - id: no-blame\n    kind: banned\n    terms: [x]\n    swap: { a: b }\n    zzz: 1' });
    const problems = problemsOf(text);
    expect(problems.map((p) => `${p.location.line}:${p.location.col} ${p.path} | ${p.hint}`)).toEqual([
      '14:5 rules[0].swap | `swap` belongs to kind `prefer`',
      '15:5 rules[0].zzz | valid keys here: id, kind, severity, message, description, when, terms, patterns, case_sensitive, unless_negated',
    ]);
  });

  it('at the top level and inside nested mappings', () => {
    const text = guideText({ examples: 'exampels: []\nsignals:\n  urgent: { any: [now], descripton: x }' });
    expect(problemsOf(text).map((p) => [`${p.location.line}:${p.location.col}`, p.path, p.message, p.hint])).toEqual([
      ['14:1', 'exampels', 'unknown key `exampels`', 'did you mean `examples`?'],
      ['16:25', 'signals.urgent.descripton', 'unknown key `descripton`', 'did you mean `description`?'],
    ]);
  });
});

describe('parseStyleGuide reports rule kinds it does not know', () => {
  it('lists the valid kinds, suggests a close one, and redirects escalation', () => {
    const text = guideText({ rules: 'rules:\n  - id: a\n    kind: bannned\n  - id: b\n    kind: escalation\n  - id: c' });
    const kinds = 'valid kinds are banned, prefer, limit, length, readability, require, judge, conversation';
    expect(problemsOf(text).map((p) => [`${p.location.line}:${p.location.col}`, p.path, p.message, p.hint])).toEqual([
      ['12:11', 'rules[0].kind', `unknown kind "bannned"; ${kinds}`, 'did you mean `banned`?'],
      ['14:11', 'rules[1].kind', `unknown kind "escalation"; ${kinds}`, 'escalation triggers go in the top-level `escalation:` section, not in `rules:`'],
      ['15:5', 'rules[2].kind', `missing required key \`kind\`; ${kinds}`, undefined],
    ]);
  });
});

describe('parseStyleGuide checks cross-references', () => {
  it('duplicate ids across rules and escalation, and among examples', () => {
    const text = guideText({
      rules: 'rules:\n  - id: no-blame\n    kind: banned\n    terms: [x]\n  - id: no-blame\n    kind: judge',
      escalation: 'escalation:\n  - id: no-blame\n    customer_mentions: [price]\n    handoff: [x]',
      examples: 'examples:\n  - { id: e, bad: b, good: g, why: w }\n  - { id: e, bad: b, good: g, why: w }',
    });
    expect(formattedProblemsOf(text)).toEqual([
      'guide.yaml:14:9 rules[1].id: duplicate id "no-blame" is already used by rules[0] (line 11)',
      'guide.yaml:17:9 escalation[0].id: duplicate id "no-blame" is already used by rules[0] (line 11)',
      'guide.yaml:22:11 examples[1].id: duplicate id "e" is already used by examples[0] (line 21)',
    ]);
  });

  it('an explicit example id that collides with a default one', () => {
    const text = guideText({ examples: 'examples:\n  - { id: example-2, bad: b, good: g, why: w }\n  - { bad: b, good: g, why: w }' });
    expect(formattedProblemsOf(text)).toEqual([
      'guide.yaml:16:5 examples[1]: default id "example-2" is already used by examples[0] (line 15)',
    ]);
  });

  it('catches naming a rule that does not exist, with a "did you mean"', () => {
    const text = guideText({ examples: 'examples:\n  - { bad: b, good: g, why: w, catches: [no-blam, nope] }' });
    const problems = problemsOf(text);
    expect(problems.map((p) => `${p.location.line}:${p.location.col} ${p.path}: ${p.message} | ${p.hint}`)).toEqual([
      '15:42 examples[0].catches[0]: catches names rule "no-blam", but no rule or escalation trigger has that id | did you mean `no-blame`?',
      '15:51 examples[0].catches[1]: catches names rule "nope", but no rule or escalation trigger has that id | undefined',
    ]);
  });

  it('catches may name an escalation trigger', () => {
    const text = guideText({
      escalation: 'escalation:\n  - id: commercial\n    customer_mentions: [price]\n    handoff: [account manager]',
      examples: 'examples:\n  - { bad: b, good: g, why: w, catches: [commercial, no-blame] }',
    });
    expect(parseStyleGuide(text, FILE).examples[0]?.catches).toEqual(['commercial', 'no-blame']);
  });

  it('an escalation trigger that can never fire', () => {
    const text = guideText({ escalation: 'escalation:\n  - id: e\n    handoff: [x]' });
    expect(formattedProblemsOf(text)).toEqual([
      'guide.yaml:15:5 escalation[0]: an escalation trigger needs `customer_mentions`, `customer_signals` or `customer_topics`, or it can never fire',
    ]);
  });
});

describe('parseStyleGuide checks dimension scales', () => {
  it('scale without the 1 and 5 anchors, a score outside 1..5, and min outside 1..5', () => {
    const text = guideText({ dimensions: 'dimensions:\n  - id: empathy\n    description: d\n    scale: { 2: a, 3: b, 6: c }\n    min: 0' });
    expect(problemsOf(text).map((p) => [`${p.location.line}:${p.location.col}`, p.path, p.message, p.hint])).toEqual([
      ['8:12', 'dimensions[0].scale', 'scale must anchor both ends, 1 (worst) and 5 (best); missing 1 and 5', 'add e.g. `1: "what a reply scoring 1 looks like"`'],
      ['8:26', 'dimensions[0].scale.6', 'scale keys are scores 1 to 5, got `6`', undefined],
      ['9:10', 'dimensions[0].min', 'expected a whole number from 1 to 5, got 0', undefined],
    ]);
  });

  it('a fractional min and a zero weight', () => {
    const text = guideText({ dimensions: 'dimensions:\n  - id: empathy\n    description: d\n    scale: { 1: a, 5: b }\n    min: 2.5\n    weight: 0' });
    expect(formattedProblemsOf(text)).toEqual([
      'guide.yaml:9:10 dimensions[0].min: expected a whole number from 1 to 5, got 2.5',
      'guide.yaml:10:13 dimensions[0].weight: expected a number greater than 0, got 0',
    ]);
  });
});

describe('parseStyleGuide reports every problem at once', () => {
  it('shape, unknown-key and cross-reference problems together, in file order', () => {
    const text = guideText({
      version: null,
      rules: 'rules:\n  - id: no-blame\n    kind: banned\n    sevrity: error\n    when: frustrated',
      examples: 'examples:\n  - { bad: b, good: g, why: w, catches: [no-blam] }',
    });
    expect(formattedProblemsOf(text)).toEqual([
      'guide.yaml:1:1 version: missing required key `version`',
      'guide.yaml:12:5 rules[0].sevrity: unknown key `sevrity` for a `banned` rule',
      'guide.yaml:13:11 rules[0].when: expected a mapping such as { customer: frustrated }, got a string',
      'guide.yaml:15:42 examples[0].catches[0]: catches names rule "no-blam", but no rule or escalation trigger has that id',
    ]);
  });
});
