import { describe, expect, it } from 'vitest';
import { isNegated } from '../../src/text/is-negated.js';

// Sentences written for this test; none comes from an evaluation set.
describe('isNegated', () => {
  const at = (text: string, phrase: string) => isNegated(text, text.indexOf(phrase));
  it.each([
    ["This isn't your fault.", true],
    ['It is not in any way your fault.', true],
    ['None of this was ever your fault.', false],
    ['That was your fault.', false],
    ["You didn't read the form, but that was your fault.", false],
    ["Nothing went wrong. That was your fault.", false],
  ])('%s → %s', (text, expected) => {
    expect(at(text, 'your fault')).toBe(expected);
  });
});
