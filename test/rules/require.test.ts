import { testRule } from './rule-tester.js';

testRule('require', { any: ['sorry to hear', 'apologi', '/\\bthat sounds (?:frustrating|annoying)\\b/i'] }, {
  valid: [
    "I'm sorry to hear that.",
    'We apologise for the trouble.', // stem `apologi` matches at a word start
    'That sounds frustrating, let me help.',
  ],
  invalid: [
    { text: 'Please restart the app.', messageId: 'missing', noSpan: true, data: { phrases: '“sorry to hear”, “apologi”, “/\\bthat sounds (?:frustrating|annoying)\\b/i”' } },
    { text: 'Reapologising is not a word.', messageId: 'missing' }, // stems match only at a word start
  ],
});

// With `detect`, an acknowledgement in any words satisfies the rule, and the phrases still do.
testRule('require', { any: ['sorry'], detect: 'acknowledgement' }, {
  valid: ["I'm sorry.", 'That sounds like a stressful morning, so let us fix it first.', "You're right, that shouldn't have happened."],
  invalid: [
    { text: 'Please restart the app.', messageId: 'missing', noSpan: true, data: { phrases: '“sorry” (nor any acknowledgement)' } },
    { text: 'We apologise for any inconvenience.', messageId: 'missing' }, // a stock apology acknowledges nothing
  ],
});

testRule('require', { detect: 'handoff' }, {
  valid: ["I've passed this to our billing team; they'll email you today.", 'A specialist will call you within the hour.'],
  invalid: [{ text: 'You can contact our billing team from the app.', messageId: 'missingDetected', noSpan: true, data: { detector: 'handoff' } }],
});
