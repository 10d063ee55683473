import { beforeAll, describe, expect, it } from 'vitest';
import type { Grader } from '../../../src/grader/grader.js';
import { createHeuristicGrader } from '../../../src/grader/heuristic/index.js';
import { initialsOf } from '../../../src/grader/heuristic/find-situation-violations.js';
import type { Grade, Turn } from '../../../src/types.js';
import { makeGuide, makeSample } from './make-guide.js';

// Paraphrases written for these tests; the drift model is left out so each reading is seen alone.
let grader: Grader;
beforeAll(async () => {
  grader = await createHeuristicGrader(makeGuide(), { driftModel: null });
});

const grade = (response: string, customer: string, transcript?: Turn[]): Promise<Grade> =>
  grader.grade(makeSample(response, customer, transcript ? { transcript } : {}), []);
const ruleIds = (g: Grade) => g.violations.map((v) => v.ruleId);
const cueLabels = (g: Grade, dimension: string) => (g.scores[dimension]?.cues ?? []).map((c) => c.label).join(' | ');

describe('a closing owes no answer to a question asked turns earlier', () => {
  const earlier: Turn[] = [
    { role: 'customer', text: 'How do I export last quarter\'s invoices as a spreadsheet?' },
    { role: 'bot', text: 'Open Billing > Invoices, filter by date and choose Export > CSV.' },
  ];
  it.each(['perfect, cheers', "great, that's all I needed", 'brilliant, thanks a lot'])('"%s"', async (closing) => {
    const g = await grade('Glad that sorted it. Have a good afternoon!', closing, [...earlier, { role: 'customer', text: closing }]);
    expect(cueLabels(g, 'active-listening')).not.toContain("none of the question's words");
  });

  it('a new question in the last message still has to be answered', async () => {
    const ask = 'And how do I change the billing email address?';
    const g = await grade('Our office is closed on bank holidays.', ask, [...earlier, { role: 'customer', text: ask }]);
    expect(cueLabels(g, 'active-listening')).toContain("none of the question's words");
  });
});

describe('"you were told" is blame only when it points at the customer', () => {
  const customer = 'I was promised this transfer would be free and now there is a fee on it.';
  it.each([
    'Our payments team will call you today about the fee and what you were told when you booked it.',
    'I can see the fee is higher than you were told, so I have asked a colleague to review it and they will email you by 5pm.',
  ])('not blame: %s', async (reply) => {
    expect(ruleIds(await grade(reply, customer))).not.toContain('heuristic/blame');
  });
  it.each(['The fee applies, as you were told in the terms.', 'You were told to check the tariff before sending.'])('blame: %s', async (reply) => {
    expect(ruleIds(await grade(reply, customer))).toContain('heuristic/blame');
  });
});

describe('handing over to the person the customer demanded, with when, acknowledges them', () => {
  const demands = [
    'This is useless. I have asked three times now, put me through to a real person.',
    "I'm fed up with this bot. Get me someone who can actually fix it.",
    'Enough. I want to speak to a manager about this, today.',
  ];
  it.each(demands)('no no-empathy finding: "%s"', async (customer) => {
    const g = await grade("I've passed your case to Priya on our billing team, and she will call you within the hour.", customer);
    expect(ruleIds(g)).not.toContain('heuristic/no-empathy');
  });

  it('a handoff that does not say when is still owed an acknowledgement', async () => {
    const g = await grade("I've passed your case to our billing team.", demands[0]!);
    expect(ruleIds(g)).toContain('heuristic/no-empathy');
  });

  it('an upset customer who asked for no person still needs acknowledging', async () => {
    const g = await grade("I've passed your case to Priya on our billing team, and she will call you within the hour.", 'This is useless, the app has crashed three times today and I have lost my work.');
    expect(ruleIds(g)).toContain('heuristic/no-empathy');
  });
});

describe('abbreviations the customer spelled out are not jargon', () => {
  it('initialsOf reads runs of two to five words', () => {
    expect([...initialsOf('we underpaid statutory sick pay')].filter((x) => x.length === 3)).toEqual(['WUS', 'USS', 'SSP']);
  });

  it.each([
    { customer: 'How do I report statutory sick pay for a leaver?', jargon: false },
    { customer: 'How do I report sick pay for a leaver?', jargon: true },
  ])('$customer → jargon $jargon', async ({ customer, jargon }) => {
    const g = await grade('Add the SSP as a one-off payment in the next pay run and it will show on your FPS.', customer);
    expect(ruleIds(g).includes('heuristic/jargon')).toBe(jargon);
  });
});
