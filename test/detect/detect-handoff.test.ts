import { describe, expect, it } from 'vitest';
import { detectHandoff } from '../../src/detect/detect-handoff.js';

// Paraphrases written for this test, from several industries; none comes from an evaluation set.
const HANDOFFS: [string, boolean][] = [
  ["I've passed your case to our claims team, and they'll email you by Thursday.", true],
  ['I’m transferring you to a supervisor now.', true],
  ['Your request has been escalated to the network operations desk.', true],
  ['Our fraud specialists will call you within 30 minutes on the number ending 41.', true],
  ['I have referred this to one of our senior advisers, who will be in touch tomorrow.', true],
  ["I've flagged the booking for our disruption team; someone will ring you this afternoon.", true],
  ['Let me connect you with a member of our accounts team.', true],
  ["Marta from our onboarding team will reach out later today to set up a call.", true],
  ["I've asked Dev, your account manager, to contact you about the renewal.", true],
  ['Your complaint is now with our customer relations team.', true],
  ["I've booked you a callback with a mortgage specialist for 10am tomorrow.", true],
  ['I am handing this over to our security team, who will lock the account and call you.', true],
  ['We have opened a case with our engineers and they will update you here.', true],
  ["I'll put you through to a colleague in billing.", true],
  ["We've booked you a free 20-minute video consultation with one of our vets for Friday.", true],
  ['I have booked an in-person meeting with a mortgage adviser at the Leeds branch.', true],
  ["I'm reporting this to our data protection officer now, and she will write to you this week.", true],
  ['A booking for 60 guests goes to our events team, who set the menu prices.', true],
  ['Tomasz from group bookings will email you the options by Friday.', true],
  ["I've opened a service credit request with our billing team, and they will confirm the amount.", true],
  ["I've reported the seller's listing to our trust team, who will review it today.", true],
  ["I've just messaged the duty manager to come to your table now.", true],
  // Deflection and self-service are not handoffs.
  ['You can report it to our team using the form below.', false],
  ['You can contact our support team through the form on our website.', false],
  ['Please call our helpline on 0800 000 000 if you need anything else.', false],
  ['Visit the help centre for more information about refunds.', false],
  ['Our team works hard to keep prices low.', false],
  ['Go to Settings > Team and add a new member.', false],
  ['You will need to reset your password from the login page.', false],
  ['You can book a 30-minute call from the Appointments page whenever suits you.', false],
];

describe('detectHandoff', () => {
  it.each(HANDOFFS)('%s → %s', (reply, expected) => {
    expect(detectHandoff(reply) !== undefined).toBe(expected);
  });

  it('quotes the handoff and says whether it gives a time', () => {
    const found = detectHandoff("I've passed this to our returns team. They'll email you within two working days.");
    expect(found?.evidence).toMatch(/passed this to our returns team/);
    expect(found?.saysWhen).toBe(true);
    expect(detectHandoff("I've passed this to our returns team.")?.saysWhen).toBe(false);
  });
});
