import { describe, expect, it } from 'vitest';
import { compileRules, runRules } from '../../src/rules/index.js';
import type { Sample } from '../../src/types.js';
import { makeGuide, makeRule, makeRules } from '../helpers/guide-factory.js';

const guide = makeGuide({
  rules: makeRules(
    makeRule('no-loops', 'conversation', { check: 'loop' }, { severity: 'error' }),
    makeRule('remember', 'conversation', { check: 'forgot-context' }, { severity: 'error' }),
  ),
});
const compiled = compileRules(guide);
const sample = (overrides: Partial<Sample>): Sample => ({ id: 's', response: '', customer: '', metadata: {}, source: { file: 'a.jsonl', line: 1 }, ...overrides });

describe('conversation rules', () => {
  it('check the reply against the transcript before it and name the earlier turn', () => {
    const findings = runRules(
      compiled,
      sample({
        transcript: [
          { role: 'customer', text: 'Booking BK-55120: can I change the date?' },
          { role: 'bot', text: 'Yes. Open Manage booking, choose Change date and pick the new day.' },
          { role: 'customer', text: 'There is no Change date button.' },
        ],
        customer: 'There is no Change date button.',
        response: 'Open Manage booking, choose Change date and then pick the new day. What is your booking reference?',
      }),
    );
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['no-loops', expect.stringMatching(/^Repeats bot turn 2 in substance/)],
      ['remember', 'Asks again for an order, booking or reference number, which the customer gave in turn 1'],
    ]);
  });

  it('find nothing on a sample without a transcript', () => {
    expect(runRules(compiled, sample({ customer: 'What is your booking reference?', response: 'What is your booking reference?' }))).toEqual([]);
  });

  it('reject an unknown check when the guide is compiled', () => {
    const bad = makeGuide({ rules: makeRules(makeRule('x', 'conversation', { check: 'loops' })) });
    expect(() => compileRules(bad)).toThrow(/1 problem/);
  });
});
