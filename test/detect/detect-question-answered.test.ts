import { describe, expect, it } from 'vitest';
import { answersInKind, detectUnansweredQuestion, readAskedQuestions } from '../../src/detect/detect-question-answered.js';

// Questions and replies written for this test, from several industries; none comes from an evaluation set.
describe('readAskedQuestions', () => {
  it('reads what kind of answer each question asks for', () => {
    expect(readAskedQuestions('Hi! When does the pool reopen? And how much is a day pass?').map((q) => q.kind)).toEqual(['time', 'amount']);
    expect(readAskedQuestions('Does the Kindle edition include the maps?')).toMatchObject([{ kind: 'yes-no', focus: ['Kindle'] }]);
    expect(readAskedQuestions('Do you accept the BTEC for Nursing?')).toMatchObject([{ kind: 'yes-no', focus: ['BTEC', 'Nursing'] }]);
    // A request ("can you check…") and a question about nothing named are left to the general reader.
    expect(readAskedQuestions('Can you check my order please?')).toEqual([]);
    expect(readAskedQuestions('Is it broken?')).toEqual([]);
    // "When" after a yes-or-no opener is a condition, unless the customer asks to be told when.
    expect(readAskedQuestions('Can your fitters take the old carpet when they lay the new one?')).toEqual([]);
    expect(readAskedQuestions('Can you tell me when the fitters arrive?').map((q) => q.kind)).toEqual(['time']);
    expect(readAskedQuestions('Will it still work when the power goes off, like on Sundays?')).toEqual([]);
  });
});

describe('detectUnansweredQuestion', () => {
  it.each([
    ['When will the spring timetable be published?', 'We are busy preparing lots of exciting changes, stay tuned!', 'time'],
    ['How long does a passport photo refund take?', 'Refunds are handled by our payments team according to our refund policy.', 'time'],
    ['How much does it cost to add a second driver?', 'Adding a driver is easy and gives you more flexibility on the road.', 'amount'],
    ['Does the heat pump work with the Nest thermostat?', 'Our heat pumps are compatible with many popular smart home devices.', 'yes-no'],
    ['Specifically the Aurora model? Yes or no?', 'We support a wide range of models across our catalogue.', 'yes-no'],
    // "You can…" after a generality points elsewhere; it is not the yes the customer asked for.
    ['Will the planner sync with Outlook, yes or no?', 'We connect with lots of calendar apps. You can browse them in our help centre.', 'yes-no'],
  ])('%s → unanswered (%s)', (customer, reply, kind) => {
    expect(detectUnansweredQuestion(reply, customer)?.kind).toBe(kind);
  });

  it.each([
    ['When will the spring timetable be published?', 'It goes live on 3 March, and the app updates the same day.'],
    ['When is my rent due?', 'It is due on the 1st of each month.'],
    ['How long does a refund take?', 'Usually 3-5 working days after we receive the item.'],
    ['How much does it cost to add a second driver?', 'It is £8 a day, or free for a spouse.'],
    ['Does the heat pump work with the Nest thermostat?', 'Yes, pair it in the app under Devices.'],
    ['Does the heat pump work with the Nest thermostat?', 'The Nest thermostat pairs directly with it over wifi.'],
    ['Is the Leeds branch open on Sundays?', 'Our branches open Monday to Saturday only.'],
    ['Will the planner sync with Outlook, yes or no?', 'It does: turn on calendar sync under Settings and pick your account.'],
    ['Do the hiking boots run large?', "They're true to size, so order your usual."],
    ['How long will delivery to Orkney take?', 'Could you send me your postcode so I can check the courier route?'],
    // A ruling on what was asked answers a yes or no without the word.
    ['Can I bring my bike on the Glasgow train?', 'Bikes are welcome on every service, in the front carriage.'],
    ['Can I pay the Harbour Room deposit in two parts?', "Deposits can't be split, but the balance can be paid in three instalments."],
  ])('%s → answered by %s', (customer, reply) => {
    expect(detectUnansweredQuestion(reply, customer)).toBeUndefined();
  });
});

describe('answersInKind', () => {
  it.each([
    ['How much is the large bag of oats?', '£6.49, or £5.99 on subscription.', true],
    ['How many guests can we bring?', 'Up to 4 per member.', true],
    ['When does the pool close on Sundays?', 'At 18:30.', true],
    ['Is the Leeds branch open on Sundays?', 'Yes, 10 till 4.', true],
    // Asked for an amount, given none; and no question of a specific kind at all.
    ['How much is the large bag of oats?', 'We stock a wide range of oats for every diet.', false],
    ['My screen flickers after the update.', 'Restart the app and it should settle.', false],
  ])('%s → %s: %s', (customer, reply, expected) => {
    expect(answersInKind(reply, customer)).toBe(expected);
  });
});
