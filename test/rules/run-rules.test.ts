import { describe, expect, it } from 'vitest';
import { compileRules, type CompiledRules } from '../../src/rules/compile-rules.js';
import { fillPlaceholders, RuleCrashError, runRules } from '../../src/rules/run-rules.js';
import { MAX_CHECKED_CHARS } from '../../src/text/cap-text.js';
import type { Turn } from '../../src/types.js';
import { makeGuide, makeRule, makeRules, makeSample, makeTrigger } from '../helpers/guide-factory.js';

const guide = makeGuide({
  rules: makeRules(
    makeRule('no-policy', 'banned', { terms: ['per our policy'] }, { severity: 'error', message: 'Policy-first: “{{match}}”' }),
    makeRule('plain-words', 'prefer', { swap: { utilize: 'use' } }, { severity: 'info' }),
    makeRule('calm', 'limit', { count: 'exclamation', max: 0 }),
    makeRule('acknowledge', 'require', { any: ['sorry', 'that sounds'] }, { when: { customer: ['frustrated'] } }),
    makeRule('brief-when-urgent', 'length', { max_words: 6 }, { when: { customer: ['frustrated', 'urgent'] } }),
    makeRule('warmth', 'judge'),
  ),
  escalation: [makeTrigger('commercial', { customerMentions: ['contract'], handoff: ['account manager'], message: 'Needs a human: {{trigger}}' })],
});
const compiled = compileRules(guide);

describe('runRules', () => {
  it('applies severity, guide and default messages, placeholders and suggestions', () => {
    const findings = runRules(compiled, makeSample('Per our policy, utilize the portal!'));
    expect(findings).toEqual([
      { ruleId: 'no-policy', kind: 'banned', severity: 'error', message: 'Policy-first: “Per our policy”', match: 'Per our policy', span: { start: 0, end: 14 }, origin: 'rule' },
      {
        ruleId: 'plain-words', kind: 'prefer', severity: 'info', message: 'Write “use” instead of “utilize”', match: 'utilize',
        span: { start: 16, end: 23 }, suggestion: { span: { start: 16, end: 23 }, replacement: 'use' }, origin: 'rule',
      },
      { ruleId: 'calm', kind: 'limit', severity: 'warning', message: 'Too many exclamation marks: 1 (at most 0)', match: '!', span: { start: 34, end: 35 }, origin: 'rule' },
    ]);
  });

  it('runs `when` rules only when every listed customer signal is present', () => {
    const reply = 'Please restart the router and try again later.';
    expect(runRules(compiled, makeSample(reply, { customer: 'How do I restart it?' }))).toEqual([]);
    // frustrated only: `acknowledge` runs, `brief-when-urgent` (frustrated + urgent) does not.
    expect(runRules(compiled, makeSample(reply, { customer: 'This is ridiculous, it still does not work' })).map((f) => f.ruleId)).toEqual([
      'acknowledge',
    ]);
    const both = runRules(compiled, makeSample(reply, { customer: 'Ridiculous. Production is down, fix it ASAP' }));
    expect(both.map((f) => [f.ruleId, f.message])).toEqual([
      ['acknowledge', 'Reply contains none of: “sorry”, “that sounds”'],
      ['brief-when-urgent', 'Reply is 8 words long (at most 6)'],
    ]);
  });

  it('reads a conversation turn against what is still open: a handoff settles earlier triggers, an acknowledgement earlier feelings', () => {
    const ids = (transcript: Turn[], reply: string) => runRules(compiled, makeSample(reply, { transcript, customer: transcript.at(-1)!.text })).map((f) => f.ruleId);
    const handedOff: Turn[] = [
      { role: 'customer', text: 'What are the contract terms for three years?' },
      { role: 'bot', text: "I've passed this to your account manager, who will call you today." },
      { role: 'customer', text: 'Thanks. Also, where do I find my invoices?' },
    ];
    expect(ids(handedOff, 'Under Billing, then Invoices.')).not.toContain('commercial');
    // Not handed off in the earlier turn: still owed in this one.
    const notHandedOff: Turn[] = [handedOff[0]!, { role: 'bot', text: 'Our terms are on the website.' }, handedOff[2]!];
    expect(ids(notHandedOff, 'Under Billing, then Invoices.')).toContain('commercial');
    const acknowledged: Turn[] = [
      { role: 'customer', text: 'This is ridiculous, the export failed again.' },
      { role: 'bot', text: 'That sounds frustrating, sorry. I have rerun it for you.' },
      { role: 'customer', text: 'Ok. How do I schedule it weekly?' },
    ];
    expect(ids(acknowledged, 'Open Exports and choose Weekly.')).not.toContain('acknowledge');
    expect(ids([acknowledged[0]!, { role: 'bot', text: 'I have rerun it for you.' }, acknowledged[2]!], 'Open Exports and choose Weekly.')).toContain('acknowledge');
  });

  it('sorts by span start, then rule id, with span-less findings last', () => {
    const findings = runRules(
      compiled,
      makeSample('Hi! Utilize it, per our policy.', { customer: 'My contract is ridiculous' }),
    );
    expect(findings.map((f) => [f.ruleId, f.span?.start])).toEqual([
      ['calm', 2],
      ['plain-words', 4],
      ['no-policy', 16],
      ['acknowledge', undefined],
      ['commercial', undefined],
    ]);
    expect(findings[4]?.message).toBe('Needs a human: contract');
  });

  it('orders findings at the same start by rule id', () => {
    const g = makeGuide({ rules: makeRules(makeRule('zeta', 'banned', { terms: ['policy'] }), makeRule('alpha', 'banned', { patterns: ['polic\\w+'] })) });
    expect(runRules(compileRules(g), makeSample('Our policy.')).map((f) => f.ruleId)).toEqual(['alpha', 'zeta']);
  });

  it('wraps a crashing rule in an error naming the rule and the sample', () => {
    const crashing: CompiledRules = {
      ...compiled,
      rules: [...compiled.rules, { ...compiled.rules[0]!, ruleId: 'boom', check: () => { throw new TypeError('kaput'); } }],
    };
    const run = () => runRules(crashing, makeSample('fine', { id: 'sample-42' }));
    expect(run).toThrow(RuleCrashError);
    expect(run).toThrow('rule "boom" crashed on sample "sample-42": kaput');
  });

  it('checks only the first MAX_CHECKED_CHARS of a very long reply', () => {
    const long = `${'a '.repeat(MAX_CHECKED_CHARS / 2 - 10)}per our policy ${'b '.repeat(MAX_CHECKED_CHARS)}per our policy`;
    const findings = runRules(compiled, makeSample(long)).filter((f) => f.ruleId === 'no-policy');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.span?.start).toBe(MAX_CHECKED_CHARS - 20);
  });
});

describe('fillPlaceholders', () => {
  it('fills known placeholders and leaves unknown ones as written', () => {
    expect(fillPlaceholders('{{count}} of {{ max }}; {{nope}}', { count: 3, max: 1 })).toBe('3 of 1; {{nope}}');
    expect(fillPlaceholders('{{constructor}}', {})).toBe('{{constructor}}');
  });
});
