import { describe, expect, it } from 'vitest';
import { detectColdRefusal } from '../../src/detect/detect-cold-refusal.js';
import { detectDistress } from '../../src/detect/detect-distress.js';
import { contentStems, detectEngagement, stemWord } from '../../src/detect/detect-engagement.js';

describe('detectDistress', () => {
  it.each([
    ['My father passed away and the account is in his name.', true],
    ["I'm really worried, the money for my rent has gone.", true],
    ['This is ridiculous, the third time it has broken!!', true],
    ["I'm locked out and the payroll has to go today.", true],
    ['What time does the shop open on Sunday?', false],
    ['Could you tell me how to update my address?', false],
    // A count of the same trouble in a short time, and the customer's own service down.
    ['Second missed collection this week. The bins are overflowing.', true],
    ['That is the fourth cancelled train in a row.', true],
    ['Our booking site is down and customers cannot pay.', true],
    ['Is there a planned outage on your network tonight?', false],
    ['Which is the second cheapest plan?', false],
  ])('%s → upset: %s', (text, expected) => {
    expect(detectDistress(text).level > 0).toBe(expected);
  });
});

describe('detectColdRefusal', () => {
  it.each([
    ['Refunds are not possible after 30 days.', false, true],
    ['Requests must be submitted by the account owner in writing.', false, true],
    ['No.', true, true],
    ['You can retry in a week.', true, true],
    ["Refunds aren't possible after 30 days, but I can offer you a free exchange instead.", false, false],
    ["I'm sorry, refunds are not possible after 30 days.", false, false],
    ['Yes, you can bring it on board in a soft case up to 115 cm long.', false, false],
  ])('%s (upset customer: %s) → cold: %s', (reply, upset, expected) => {
    expect(detectColdRefusal(reply, { upset }) !== undefined).toBe(expected);
  });
});

describe('detectEngagement', () => {
  it('meets paraphrased forms and the customer’s own references', () => {
    const read = detectEngagement('Parcel #KX-48812 was delivered to your neighbour at number 12.', 'Where is my parcel? Order 48812, it says it was delivered');
    expect(read.sharedNumbers).toContain('48812');
    expect(read.shared).toEqual(expect.arrayContaining(['parcel', 'delivered']));
    expect(stemWord('delivery')).toBe(stemWord('delivered'));
    // The consonant doubled for a suffix goes with it; one that doubles in the word stays.
    expect(stemWord('banned')).toBe(stemWord('ban'));
    expect(stemWord('shipping')).toBe(stemWord('ship'));
    expect(stemWord('billed')).toBe('bill');
    expect(stemWord('missed')).toBe('miss');
    expect(read.score).toBeGreaterThan(0.5);
  });

  it('reads no topic in contractions of stopwords or a hyphen before a number', () => {
    expect([...contentStems("Hi, it’s order BC-74028 and I'm waiting").keys()]).toEqual(['order', 'wait']);
    expect(detectEngagement('Booked.', 'Fine, the kitchen fitting on Monday', 'yes').askedStems).toBe(0);
  });

  it('scores a reply about something else at zero', () => {
    expect(detectEngagement('Our stores open at nine.', 'My invoice shows the wrong VAT number').score).toBe(0);
  });
});
