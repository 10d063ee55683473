import { testRule } from './rule-tester.js';

testRule('banned', { terms: ['per our policy', 'unfortunately', "can't help"] }, {
  valid: [
    'Here is what I can do for you.',
    'Our policy page explains it.', // words of a phrase, not the phrase
    'Fortunately it worked.', // a term inside a longer word is not the term
    'unfortunatelyness is not a word we ban',
  ],
  invalid: [
    { text: 'Per our policy, refunds take 5 days.', messageId: 'banned', match: 'Per our policy', span: { start: 0, end: 14 } },
    { text: 'Sadly, per  our\npolicy, no.', messageId: 'banned', match: 'per  our\npolicy' },
    { text: 'I can’t help with that.', messageId: 'banned', match: 'can’t help' },
    {
      text: 'Unfortunately, per our policy, unfortunately not.',
      errors: [
        { messageId: 'banned', match: 'Unfortunately' },
        { messageId: 'banned', match: 'per our policy' },
        { messageId: 'banned', match: 'unfortunately' },
      ],
    },
  ],
});

testRule('banned', { patterns: ['\\byou (?:should|must) have\\b', '/\\bcalm down\\b/'] }, {
  valid: ['You have two options.', 'Stay calm, we are on it.'],
  invalid: [
    { text: 'You should have read the docs.', messageId: 'banned', match: 'You should have' },
    { text: 'Please CALM DOWN.', messageId: 'banned', match: 'CALM DOWN' },
  ],
});

// A negation in the clause just before the term takes it back: "it isn't your fault" exonerates.
testRule('banned', { terms: ['your fault'], unless_negated: true }, {
  valid: ["This isn't your fault.", 'This is not in any way your fault.'],
  invalid: [
    { text: 'That was your fault.', messageId: 'banned', match: 'your fault' },
    // A negation in an earlier clause does not reach it.
    { text: "I know you didn't mean it, but that was your fault.", messageId: 'banned', match: 'your fault' },
  ],
});

testRule('banned', { terms: ['your fault'] }, {
  valid: ['Nothing wrong here.'],
  invalid: [{ text: "This isn't your fault.", messageId: 'banned', match: 'your fault' }],
});

testRule('banned', { terms: ['ASAP'], case_sensitive: true }, {
  valid: ['We will reply asap.'],
  invalid: [{ text: 'We will reply ASAP.', messageId: 'banned', match: 'ASAP' }],
});

testRule('banned', { terms: ['policy'], patterns: ['polic(?:y|ies)'] }, {
  valid: ['No rules here.'],
  // The term and the pattern find the same words: reported once.
  invalid: [{ text: 'That is our policy.', errors: [{ messageId: 'banned', match: 'policy' }] }],
});
