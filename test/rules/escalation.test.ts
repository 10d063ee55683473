import { describe, expect, it } from 'vitest';
import { escalationRuleConfig } from '../../src/rules/escalation.js';
import { makeTrigger } from '../helpers/guide-factory.js';
import { testRule } from './rule-tester.js';

const commercial = {
  customer_mentions: ['contract', 'pricing', 'refund', '/\\blegal\\s+team\\b/i'],
  handoff: ['account manager', 'connect you', 'escalat'],
};

testRule('escalation', commercial, {
  valid: [
    // Not triggered: the customer raised nothing on the list.
    { text: 'Here is how to reset it.', customer: 'How do I reset my password?' },
    // Triggered, and the reply hands off (stem `escalat` matches `escalating`).
    { text: "I'm escalating this to our billing specialists.", customer: 'I want a refund now' },
    { text: 'Let me connect you with your account manager.', customer: 'Can we renegotiate the contract?' },
    // Triggered without a handoff phrase, but the data says a human took over.
    { text: 'One moment please.', customer: 'What about pricing?', escalated: true },
    // Mentions in the bot's own earlier turns do not count: only the customer's words.
    {
      text: 'Happy to help.',
      customer: 'thanks',
      transcript: [
        { role: 'bot', text: 'Our pricing page has details.' },
        { role: 'customer', text: 'thanks' },
      ],
    },
  ],
  invalid: [
    { text: 'Refunds take 5 days.', customer: 'I need a REFUND for this', messageId: 'missingHandoff', data: { trigger: 'REFUND' }, noSpan: true },
    // Stems in mentions match longer words, and the trigger names the word the customer used.
    { text: 'See our website.', customer: 'Your contracts are confusing', messageId: 'missingHandoff', data: { trigger: 'contracts' } },
    { text: 'Sure.', customer: 'Our legal  team wants a copy.', messageId: 'missingHandoff', data: { trigger: 'legal  team' } },
    {
      text: 'Please read the FAQ.',
      customer: 'ok',
      transcript: [
        { role: 'customer', text: 'Can I get a discount on pricing?' },
        { role: 'bot', text: 'Let me check.' },
        { role: 'customer', text: 'ok' },
      ],
      messageId: 'missingHandoff',
      data: { trigger: 'pricing' },
    },
    { text: 'Let me check.', customer: 'contract question', escalated: false, messageId: 'missingHandoff' },
  ],
});

// With `signals_match: all`, only the signals together trigger: an urgent but calm customer, or an
// angry one whose production is fine, is not a hot incident.
testRule(
  'escalation',
  { customer_signals: ['angry', 'down'], signals_match: 'all', handoff: ['on-call'] },
  {
    valid: [
      { text: 'Roll back with one click.', customer: 'Production is down.' },
      { text: 'Sorry, here is the fix.', customer: 'I am livid about the invoice layout' },
      { text: 'Paging our on-call engineer now.', customer: 'I am livid, production is down' },
    ],
    invalid: [{ text: 'Roll back with one click.', customer: 'I am livid, production is down', messageId: 'missingHandoff', data: { trigger: 'angry and down' } }],
  },
  [
    { id: 'angry', any: ['livid'] },
    { id: 'down', any: ['production is down'] },
  ],
);

// Signals trigger too, and a guide signal definition can be used.
testRule(
  'escalation',
  { customer_signals: ['furious'], handoff: ['a person'] },
  {
    valid: [{ text: 'I will get a person to call you.', customer: 'I am livid' }, { text: 'Done.', customer: 'thanks' }],
    invalid: [{ text: 'Try restarting.', customer: 'I am LIVID about this', messageId: 'missingHandoff', data: { trigger: 'furious' } }],
  },
  [{ id: 'furious', any: ['livid', 'furious'] }],
);

describe('escalationRuleConfig', () => {
  it('turns an escalation entry into a rule config with snake_case options', () => {
    const config = escalationRuleConfig(
      makeTrigger('legal', { customerMentions: ['lawyer'], handoff: ['legal team'], message: 'Needs {{trigger}}', severity: 'warning' }),
    );
    expect(config).toEqual({
      id: 'legal',
      kind: 'escalation',
      severity: 'warning',
      message: 'Needs {{trigger}}',
      options: { customer_mentions: ['lawyer'], customer_signals: [], signals_match: 'any', customer_topics: [], handoff: ['legal team'] },
      index: -1,
    });
  });
});
