import { testRule } from './rule-tester.js';

const simple =
  'Thanks for your note. I reset your password. You can log in now. If it does not work, tell me. I will check it again for you. We want you to be happy with the app.';
const dense =
  'Consequently, organizational administrators must institutionalize comprehensive authentication methodologies immediately. ' +
  'Notwithstanding the aforementioned considerations, successful implementation of the organizational configuration necessitates comprehensive administrative authorization, subsequently facilitating individualized infrastructure customization throughout your organization.';

testRule('readability', { max_grade: 8 }, {
  valid: [simple, 'Notwithstanding institutionalization considerations.'], // the second is too short to grade
  invalid: [{ text: dense, messageId: 'tooHard', data: { max: 8 }, noSpan: true }],
});

testRule('readability', { max_grade: 8, min_words: 3 }, {
  valid: ['We fixed it.'],
  invalid: [{ text: 'Notwithstanding institutionalization considerations.', messageId: 'tooHard' }],
});
