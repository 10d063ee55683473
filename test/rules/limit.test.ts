import { testRule } from './rule-tester.js';

testRule('limit', { count: 'exclamation', max: 1 }, {
  valid: ['Done!', 'No marks at all.'],
  invalid: [
    // One problem per reply, pointing at the first mark beyond the limit.
    { text: 'Great! Done! Bye!', errors: [{ messageId: 'exclamation', span: { start: 11, end: 12 }, data: { count: 3, max: 1 } }] },
    { text: 'Wow!!', messageId: 'exclamation', span: { start: 4, end: 5 }, data: { count: 2 } },
  ],
});

testRule('limit', { count: 'question', max: 0 }, {
  valid: ['Here it is.'],
  invalid: [{ text: 'Anything else? Need more?', messageId: 'question', span: { start: 13, end: 14 }, data: { count: 2, max: 0 } }],
});

testRule('limit', { count: 'emoji', max: 1 }, {
  valid: ['Thanks 🙂', 'Copyright © 2026 ™', 'Team 👩‍💻 at work'],
  invalid: [{ text: 'Hi 👋 welcome 🎉🎉', messageId: 'emoji', match: '🎉', span: { start: 14, end: 16 }, data: { count: 3 } }],
});

testRule('limit', { count: 'all-caps', max: 0, allow: ['NASA'] }, {
  valid: ['Check the API and DNS settings, per NASA.', 'OK, ID noted.'],
  invalid: [{ text: 'This is VERY important and URGENT.', messageId: 'all-caps', match: 'VERY', data: { count: 2, max: 0 } }],
});

testRule('limit', { count: 'apology', max: 1 }, {
  valid: ['Sorry about that.', 'No apology needed.'],
  invalid: [
    { text: "Sorry! We apologize. My bad.", messageId: 'apology', match: 'apologize', data: { count: 3 } },
    { text: 'Our apologies, and sorry again.', messageId: 'apology', match: 'sorry' },
  ],
});

testRule('limit', { count: 'pattern', pattern: '\\bjust\\b', max: 1 }, {
  valid: ['Just one.'],
  invalid: [{ text: 'Just do it, just now, JUST.', messageId: 'pattern', match: 'just', data: { count: 3, max: 1 } }],
});

testRule('limit', { count: 'pattern', terms: ['great', 'awesome'], max: 1 }, {
  valid: ['Great.', 'Greatness is not counted twice: great.'],
  invalid: [{ text: 'Awesome, great work, great.', messageId: 'pattern', match: 'great', span: { start: 9, end: 14 }, data: { count: 3 } }],
});
