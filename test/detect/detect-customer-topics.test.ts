import { describe, expect, it } from 'vitest';
import { detectCustomerTopic, type CustomerTopic } from '../../src/detect/detect-customer-topics.js';

const CASES: [CustomerTopic, string, boolean][] = [
  ['compensation', 'The engineer never turned up and I lost a day of work. Who pays for that?', true],
  ['compensation', 'I want something back for the three weeks without a signal.', true],
  ['compensation', 'I expect a refund for the cancelled concert tickets.', true],
  ['compensation', 'Can I get compensation for the delay?', true],
  ['compensation', 'When will the refund for my returned jacket arrive?', false],
  ['compensation', 'The dryer ruined two shirts and I expect you to pay for them.', true],
  ['compensation', 'Do you cover the cost of return postage?', false],
  ['security-incident', 'Someone logged into my account from Brazil last night.', true],
  ['security-incident', "There's a payment of £89 I didn't make.", true],
  ['security-incident', 'I think I was scammed by a fake text.', true],
  ['security-incident', "The phone number on my profile isn't mine.", true],
  ['security-incident', 'How do I change the phone number on my profile?', false],
  // The figure of speech is a complaint about value, not fraud.
  ['security-incident', 'You doubled the price overnight. I feel scammed.', false],
  ['security-incident', 'Charging £9 for a delivery slot is such a scam.', false],
  ['human-request', 'Can you send someone to fix the boiler this week?', false],
  ['human-request', 'Please get someone out to look at the damp in the bathroom.', false],
  ['human-request', 'Just get me someone who can actually help.', true],
  ['repeated-complaint', "This is the third time I've called about the same leak.", true],
  ["repeated-complaint", "I've explained this to you four times now.", true],
  ['repeated-complaint', "We're going in circles here.", true],
  ['repeated-complaint', 'My parcel is late. Where is it?', false],
  ['human-request', 'Can I speak to a real person please?', true],
  ['human-request', 'Put me through to your manager.', true],
  ['human-request', 'I want to talk with someone who can actually help.', true],
  ['human-request', 'Can someone explain the new tariff?', false],
  ['negotiation', 'Could you give us a better rate if we commit for two years?', true],
  ['negotiation', 'Can we get a discount for 40 seats?', true],
  ['negotiation', 'Does the student discount apply to sale items?', false],
  ['negotiation', 'The gym down the road charges £25 a month. Can you match that?', true],
  ['negotiation', 'Northgate is offering us 3 months free on a new line. Will you beat it?', true],
  ['negotiation', 'Can you match the colour of the sample I sent?', false],
  ['churn', 'Sort the wifi out or I am cancelling at the end of the month.', true],
  ['churn', "I'm ending my membership and going elsewhere.", true],
  ['churn', 'Honestly, I might just ditch the subscription.', false],
  ['churn', "I'm seriously thinking of dropping my plan after this.", true],
  ['churn', 'A friend uses one of your competitors and pays half.', true],
  ['churn', 'How do I cancel a single booking?', false],
  ['negotiation', 'We are opening 3 new clinics next spring. How much more would we pay per month?', true],
  ['negotiation', 'What does another 200 seats cost on annual billing?', true],
  ['negotiation', 'I have 2 users, why was I charged for 3?', false],
  ['negotiation', 'How much is the Pro plan per user?', false],
  ['churn', 'Please close my account, I am done with this.', true],
  ['churn', "We're switching to another provider next month.", true],
  ['churn', "Honestly it's not worth it for me anymore.", true],
  ['churn', 'How do I cancel the extra storage add-on?', false],
  ['legal', "If this isn't fixed I'll be taking it to the ombudsman.", true],
  ['legal', 'Is the legal notice on your site up to date?', false],
];

describe('detectCustomerTopic', () => {
  it.each(CASES)('%s: %s → %s', (topic, text, expected) => {
    expect(detectCustomerTopic(text, topic) !== undefined).toBe(expected);
  });
});
