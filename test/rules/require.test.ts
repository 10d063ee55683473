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
