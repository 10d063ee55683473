import { testRule } from './rule-tester.js';

testRule('length', { max_words: 5, min_words: 2 }, {
  valid: ['One two three four five.', "Don't worry."],
  invalid: [
    { text: 'One two three four five six.', messageId: 'tooLong', data: { count: 6, max: 5 }, noSpan: true },
    { text: 'Hi.', messageId: 'tooShort', data: { count: 1, min: 2 }, noSpan: true },
  ],
});

testRule('length', { max_sentences: 2 }, {
  valid: ['One. Two.', 'See e.g. the docs. Dr. Smith agrees.'],
  invalid: [
    { text: 'One. Two! Three?', messageId: 'tooManySentences', data: { count: 3, max: 2 } },
    { text: 'Steps:\n- open settings\n- click reset', messageId: 'tooManySentences', data: { count: 3 } },
  ],
});
