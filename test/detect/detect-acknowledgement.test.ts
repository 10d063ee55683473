import { describe, expect, it } from 'vitest';
import { detectAcknowledgement } from '../../src/detect/detect-acknowledgement.js';

const CASES: [string, boolean][] = [
  ['I’m sorry your first week has gone like this.', true],
  ["That's a worrying message to get, and you were right to check with us.", true],
  ['Being without heating in January is awful, especially with a baby at home.', true],
  ['I can see why this has been so frustrating.', true],
  ["Three missed deliveries isn't acceptable, and I apologise.", true],
  ["You shouldn't have had to chase this.", true],
  ['That was our mistake, not yours.', true],
  ['Thanks for bearing with us while we looked into it.', true],
  ['Congratulations on the new house!', true],
  ['I understand how important this trip is for you.', true],
  ['What a stressful start to the holiday.', true],
  // Siding with the complaint in its own clause.
  ["That's fair, and I'd feel the same after two cancelled visits.", true],
  ['Totally fair. I have moved your slot to the morning.', true],
  ['Waiting in all day for nobody is not something you should have to put up with.', true],
  ["It's fair to say the app has changed a lot this year.", false],
  ["That's frightening, and you did exactly the right thing by calling.", true],
  ['Completely understandable after a week like that.', true],
  ["Try not to worry: it's a really common mistake and easy to put right.", true],
  ["You're not stupid; these fake sellers are very convincing.", true],
  ['A parcel missing two days before the wedding would make anyone nervous.', true],
  ['Four power cuts in a week is a real cost when you work from home.', true],
  ['Two cancelled fittings is completely unacceptable, and you have every right to complain.', true],
  // Stock phrases and plain answers are not acknowledgements.
  ['We apologise for any inconvenience caused.', false],
  ['Sorry for the inconvenience.', false],
  ['Your parcel will arrive on Tuesday.', false],
  ['The fee is £5 and is charged monthly.', false],
  ['Thank you for contacting us.', false],
];

describe('detectAcknowledgement', () => {
  it.each(CASES)('%s → %s', (reply, expected) => {
    expect(detectAcknowledgement(reply).sincere !== undefined).toBe(expected);
  });

  it('reports stock apologies separately and counts every apology', () => {
    const read = detectAcknowledgement("We're so sorry. We sincerely apologise, and we're sorry for any inconvenience.");
    expect(read.boilerplate).toHaveLength(1);
    expect(read.apologies).toBeGreaterThanOrEqual(3);
  });
});
