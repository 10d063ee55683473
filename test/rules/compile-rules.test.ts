import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import type { Problem, StyleGuide } from '../../src/types.js';
import { GUIDE_FILE, makeGuide, makePositions, makeRule, makeRules, makeTrigger } from '../helpers/guide-factory.js';

function compileProblems(guide: StyleGuide): Problem[] {
  try {
    compileRules(guide);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected compileRules to throw');
}

describe('compileRules', () => {
  it('compiles every rule in guide order, then escalation triggers, judge rules included', () => {
    const guide = makeGuide({
      rules: makeRules(
        makeRule('no-policy', 'banned', { terms: ['per our policy'] }, { severity: 'error' }),
        makeRule('warmth', 'judge'),
        makeRule('short', 'length', { max_words: 80 }, { when: { customer: ['frustrated'] } }),
      ),
      escalation: [makeTrigger('commercial', { customerMentions: ['contract'], handoff: ['account manager'] })],
    });
    const compiled = compileRules(guide);
    expect(compiled.rules.map((r) => [r.ruleId, r.kind, r.severity, r.path])).toEqual([
      ['no-policy', 'banned', 'error', 'rules[0]'],
      ['warmth', 'judge', 'warning', 'rules[1]'],
      ['short', 'length', 'warning', 'rules[2]'],
      ['commercial', 'escalation', 'error', 'escalation[0]'],
    ]);
    expect(compiled.rules[2]?.when).toEqual(['frustrated']);
    expect(compiled.detectSignals.ids.has('frustrated')).toBe(true);
  });

  it('reports every problem at once, each at the YAML node of the offending option', () => {
    const guide = makeGuide({
      rules: makeRules(
        makeRule('a', 'banned', { terms: ['ok'], colour: 'red' }),
        makeRule('b', 'banned', { terms: 'per our policy' }),
        makeRule('c', 'banned', { patterns: ['fine', 'a(?!b)'] }),
        makeRule('d', 'banned', { patterns: ['(unclosed'] }),
        makeRule('e', 'limit', { count: 'exclamation', max: 1.5 }),
      ),
      positions: makePositions([
        'rules[0]', 'rules[0].colour',
        'rules[1]', 'rules[1].terms',
        'rules[2]', 'rules[2].patterns', 'rules[2].patterns[0]', 'rules[2].patterns[1]',
        'rules[3]', 'rules[3].patterns', 'rules[3].patterns[0]',
        'rules[4]', 'rules[4].max',
      ]),
    });
    const problems = compileProblems(guide);
    expect(problems.map((p) => [p.path, p.location.line, p.location.col])).toEqual([
      ['rules[0].colour', 11, 5],
      ['rules[1].terms', 13, 5],
      ['rules[2].patterns[1]', 17, 5],
      ['rules[3].patterns[0]', 20, 5],
      ['rules[4].max', 22, 5],
    ]);
    expect(problems[0]?.message).toBe('unknown key "colour" for a banned rule');
    expect(problems[0]?.hint).toBe('banned options are: terms, patterns, case_sensitive, unless_negated');
    expect(problems[1]?.message).toBe('expected array, received string');
    expect(problems[2]?.message).toMatch(/not supported by the linear-time regex engine/);
    expect(problems[3]?.message).toMatch(/^invalid regex \/\(unclosed\/: .*Unterminated group/);
    expect(problems[4]?.message).toMatch(/expected int/);
    for (const p of problems) expect(p.location.file).toBe(GUIDE_FILE);
  });

  it('falls back to the rule position, then to the guide file, when the node has none', () => {
    const guide = makeGuide({
      rules: makeRules(makeRule('a', 'limit', { count: 'pattern', max: 1, pattern: 'x(?=y)' }), makeRule('b', 'require', { any: [] })),
      positions: makePositions(['rules[0]']),
    });
    const problems = compileProblems(guide);
    expect(problems).toEqual([
      expect.objectContaining({ path: 'rules[0].pattern', location: { file: GUIDE_FILE, line: 10, col: 5 } }),
      expect.objectContaining({ path: 'rules[1].any', location: { file: GUIDE_FILE, line: 1 } }),
    ]);
  });

  it('rejects unknown kinds, escalation under rules, and unknown signal ids', () => {
    const guide = makeGuide({
      rules: makeRules(
        makeRule('a', 'banish', { terms: ['x'] }),
        makeRule('b', 'escalation', { customer_mentions: ['x'] }),
        makeRule('c', 'require', { any: ['sorry'] }, { when: { customer: ['frustated'] } }),
      ),
      escalation: [makeTrigger('t', { customerSignals: ['urgent', 'angy'], handoff: ['human'] })],
    });
    const problems = compileProblems(guide);
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['rules[0].kind', 'unknown rule kind "banish"'],
      ['rules[1].kind', 'escalation rules are declared in the `escalation:` section, not under `rules:`'],
      ['rules[2].when.customer[0]', 'unknown customer signal "frustated"'],
      ['escalation[0].customer_signals[1]', 'unknown customer signal "angy"'],
    ]);
    expect(problems[0]?.hint).toMatch(/banned, prefer, limit/);
    expect(problems[2]?.hint).toMatch(/frustrated/);
  });

  it('accepts guide signal ids in `when` and reports bad signal phrases', () => {
    const ok = makeGuide({
      signals: [{ id: 'vip', any: ['enterprise plan'] }],
      rules: makeRules(makeRule('a', 'require', { any: ['priority'] }, { when: { customer: ['vip'] } })),
    });
    expect(compileRules(ok).detectSignals.ids.has('vip')).toBe(true);

    const bad = makeGuide({ signals: [{ id: 'vip', any: ['ok', '/(a|a)*+/'] }], positions: makePositions(['signals.vip.any[1]']) });
    expect(compileProblems(bad)).toEqual([expect.objectContaining({ path: 'signals.vip.any[1]', location: { file: GUIDE_FILE, line: 10, col: 5 } })]);
  });

  it('validates kind-specific cross-field rules', () => {
    const guide = makeGuide({
      rules: makeRules(
        makeRule('a', 'banned', {}),
        makeRule('b', 'limit', { count: 'emoji', max: 1, pattern: 'x' }),
        makeRule('c', 'length', { max_words: 5, min_words: 10 }),
        makeRule('d', 'judge', { terms: ['x'] }),
        makeRule('e', 'prefer', { swap: { 'at this time': '' } }),
      ),
    });
    expect(compileProblems(guide).map((p) => [p.path, p.message])).toEqual([
      ['rules[0]', 'a banned rule needs at least one entry in `terms` or `patterns`'],
      ['rules[1].pattern', '`pattern` only applies to `count: pattern`'],
      ['rules[2].min_words', '`min_words` (10) is above `max_words` (5)'],
      ['rules[3].terms', 'unknown key "terms" for a judge rule'],
      ['rules[4].swap["at this time"]', 'Too small: expected string to have >=1 characters'],
    ]);
  });
});
