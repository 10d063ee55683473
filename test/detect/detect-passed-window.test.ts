import { describe, expect, it } from 'vitest';
import { detectPassedWindow } from '../../src/detect/detect-passed-window.js';

// Messages and replies written for this test, from several industries; none comes from an evaluation set.
describe('detectPassedWindow', () => {
  it.each([
    ['My visa application was submitted six weeks ago and the status has not changed.', 'Applications can take up to 4 weeks to process.'],
    ["I've been on hold for 40 minutes and it's been 2 hours since I first called.", 'Call-backs are usually made within 1 hour.'],
    ['The plumber was booked 10 days ago and nobody has shown up.', 'Bookings are typically confirmed within 3-5 working days.'],
    ['I returned the sofa three weeks ago and still no refund.', 'Refunds can take up to 14 days to appear on your statement.'],
    ['It has been nearly a month since I asked for my deposit back.', 'Deposits are normally returned within 10 days of the end of a tenancy.'],
  ])('flags a usual window the customer has already waited out: %s', (customer, reply) => {
    const found = detectPassedWindow(reply, customer);
    expect(found, reply).toBeDefined();
    expect(reply.slice(found!.span!.start, found!.span!.end)).toBe(found!.evidence);
  });

  it.each([
    // The customer has not yet waited the window: quoting it is an answer.
    ['I ordered the lamp 2 days ago, when will it come?', 'Deliveries usually take 3-5 working days, so it should be with you by Friday.'],
    // The reply owns the delay, so the window is context.
    ['I returned the sofa three weeks ago and still no refund.', "That's longer than it should be: refunds normally take up to 14 days. I've chased our warehouse today."],
    // No wait named by the customer.
    ['Where is my deposit?', 'Deposits are normally returned within 10 days.'],
    // A promise for this case, not a general norm.
    ['The heating has been off for 3 days.', 'An engineer will be with you within 4 hours.'],
  ])('leaves an answer alone: %s', (customer, reply) => {
    expect(detectPassedWindow(reply, customer)).toBeUndefined();
  });

  it('names how long the customer waited', () => {
    expect(detectPassedWindow('Refunds can take up to 5 days.', 'I have been waiting for two weeks.')?.label).toContain('they have waited 2 weeks');
  });
});
