import { describe, expect, it } from 'vitest';
import { detectAnswer, opensWithYesOrNo } from '../../src/detect/detect-answer.js';

describe('detectAnswer', () => {
  it.each([
    ['Yes, the pass covers both parks.', 'Does the pass cover both parks?'],
    ['It does — unused credit rolls over for 12 months.', 'Does unused credit roll over?'],
    ['The bus leaves at 07:40 from stop B.', 'What time is the first bus?'],
    ['Open the app, tap Profile and choose Export.', 'How do I export my data?'],
    ["I've moved your appointment to Friday at 3pm.", 'Can you move my appointment?'],
    ["This happens because the card expired last month.", 'Why was my payment declined?'],
    ['A holding deposit is a fee that keeps the room for you until you sign.', "What's a holding deposit?"],
    ['The line test shows the fault is at the cabinet, not in your home.', 'go on then'],
    ['Found it: the payment bounced because the card had expired.', 'any luck?'],
    ['Booked.', 'the 7pm slot please'],
  ])('reads an answer in %s', (reply, customer) => {
    expect(detectAnswer(reply, customer).answer).toBeDefined();
  });

  it.each([
    ["They're true to size, so order your usual.", true],
    ['Thanks for checking first — we do, on every order over £40.', true],
    ['It does — unused credit rolls over for 12 months.', true],
    ['We offer lots of integrations. You can browse them in the marketplace.', false],
    ["It's been a busy week for deliveries.", false],
    ['There is: a 20-minute slot every hour, bookable in the app.', true],
    ["There's no charge for the first change.", true],
    ['You passed, with two advisories on the brakes.', true],
  ])('opensWithYesOrNo(%s) is %s', (reply, expected) => {
    expect(opensWithYesOrNo(reply)).toBe(expected);
  });

  it.each([
    ['We will look at restocking at some point, so keep an eye on the site.'],
    ['It depends on a few things, so it varies case by case.'],
    ['The feature will be released when it is ready.'],
  ])('reads a hedge in %s', (reply) => {
    expect(detectAnswer(reply, 'When is it coming back?').vague).toBeDefined();
  });

  it.each([['Thanks so much, that fixed it!'], ['cheers, all working again now'], ['Brilliant, thank you for your help today']])(
    'knows a closing needs no answer: %s',
    (customer) => {
      expect(detectAnswer('Glad to hear it.', customer).noneNeeded).toBeDefined();
    },
  );

  it('a thank-you with a question still needs an answer', () => {
    expect(detectAnswer('Glad to help.', 'Thanks! How do I change the date too?').noneNeeded).toBeUndefined();
  });
});
