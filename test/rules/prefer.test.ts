import { describe, expect, it } from 'vitest';
import { matchCapital } from '../../src/rules/prefer.js';
import { testRule } from './rule-tester.js';

testRule('prefer', { swap: { utilize: 'use', 'at this time': 'right now', purchase: 'buy' } }, {
  valid: ['You can use it right now.', 'Utilizes is another word.'],
  invalid: [
    { text: 'Please utilize the app.', messageId: 'prefer', match: 'utilize', replacement: 'use', data: { replacement: 'use' } },
    { text: 'Utilize the app.', messageId: 'prefer', match: 'Utilize', span: { start: 0, end: 7 }, replacement: 'Use' },
    { text: 'At this time we cannot.', messageId: 'prefer', match: 'At this time', replacement: 'Right now' },
    {
      text: 'You can purchase it and utilize it.',
      errors: [
        { messageId: 'prefer', match: 'purchase', replacement: 'buy' },
        { messageId: 'prefer', match: 'utilize', replacement: 'use' },
      ],
    },
  ],
});

describe('matchCapital', () => {
  it('capitalises the replacement only when the original starts with a capital', () => {
    expect(matchCapital('Utilize', 'use')).toBe('Use');
    expect(matchCapital('utilize', 'use')).toBe('use');
    expect(matchCapital('UTILIZE', 'use')).toBe('Use');
    expect(matchCapital('Purchase', 'buy it')).toBe('Buy it');
  });
});
