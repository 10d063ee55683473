import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/rules/compile-rules.js';
import { lintExamples } from '../../src/rules/lint-examples.js';
import { GUIDE_FILE, makeExample, makeGuide, makePositions, makeRule, makeRules, makeTrigger } from '../helpers/guide-factory.js';

describe('lintExamples', () => {
  const rules = makeRules(
    makeRule('policy-first', 'banned', { terms: ['per our policy'] }),
    makeRule('calm', 'limit', { count: 'exclamation', max: 1 }),
    makeRule('warmth', 'judge'),
    makeRule('never-used', 'banned', { terms: ['synergy'] }),
  );
  const escalation = [makeTrigger('commercial', { customerMentions: ['contract'], handoff: ['account manager'] })];

  it('passes a guide whose examples agree with its rules, warning about unexercised rules', () => {
    const guide = makeGuide({
      rules,
      escalation,
      examples: [
        makeExample('late-order', {
          customer: 'My contract renewal is late!',
          bad: 'Per our policy, renewals take time!!',
          good: 'Let me get your account manager on this right away!',
          catches: ['policy-first', 'calm', 'commercial', 'warmth'],
        }),
      ],
      positions: makePositions(['rules[3]']),
    });
    const { errors, warnings } = lintExamples(guide, compileRules(guide));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        location: { file: GUIDE_FILE, line: 10, col: 5 },
        path: 'rules[3]',
        message: "rule never-used matches no example's bad reply",
        hint: 'add an example that shows what it catches',
      },
    ]);
  });

  it('reports a false positive on a good reply and a miss on a bad reply, at the example', () => {
    const guide = makeGuide({
      rules,
      escalation,
      examples: [
        makeExample('ex-a', { customer: 'hi', bad: 'Hello.', good: 'Per our policy, hi.', catches: ['calm', 'ghost'] }),
      ],
      positions: makePositions(['examples[0]', 'examples[0].good', 'examples[0].catches[0]', 'examples[0].catches[1]']),
    });
    const { errors } = lintExamples(guide, compileRules(guide));
    expect(errors.map((e) => [e.path, e.location.line, e.message])).toEqual([
      ['examples[0].good', 11, 'rule policy-first flags the good reply of example ex-a (false positive): Avoid “Per our policy”'],
      ['examples[0].catches[0]', 12, 'example ex-a says its bad reply triggers calm, but calm did not match'],
      ['examples[0].catches[1]', 13, 'example ex-a names rule ghost in catches, but no rule or escalation trigger has that id'],
    ]);
  });
});
