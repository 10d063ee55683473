import { describe, expect, it } from 'vitest';
import { applySuggestions, diffWords } from '../../src/diff/word-diff.js';
import type { DiffPart } from '../../src/diff/word-diff.js';
import { findingAt, makeFinding } from '../helpers/audit-factory.js';

function rebuild(parts: DiffPart[], keep: 'added' | 'removed'): string {
  return parts.filter((p) => p.type === 'same' || p.type === keep).map((p) => p.text).join('');
}

describe('diffWords', () => {
  it('marks changed words and keeps both texts recoverable', () => {
    const original = 'Per our policy, delivery  times vary.';
    const rewrite = 'Sorry, delivery times vary this week.';
    const parts = diffWords(original, rewrite);
    expect(rebuild(parts, 'removed')).toBe(original);
    expect(rebuild(parts, 'added')).toBe(rewrite);
    expect(parts.filter((p) => p.type === 'removed').map((p) => p.text.trim())).toContain('Per our policy');
    expect(parts.some((p) => p.type === 'added' && p.text.includes('this week'))).toBe(true);
  });

  it('returns one same part for identical text and handles empty sides', () => {
    expect(diffWords('All good here.', 'All good here.')).toEqual([{ type: 'same', text: 'All good here.' }]);
    expect(diffWords('', 'Hello there')).toEqual([{ type: 'added', text: 'Hello there' }]);
    expect(diffWords('Hello there', '')).toEqual([{ type: 'removed', text: 'Hello there' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('swaps a single preferred term', () => {
    expect(diffWords('Please utilize the app.', 'Please use the app.')).toEqual([
      { type: 'same', text: 'Please ' },
      { type: 'removed', text: 'utilize' },
      { type: 'added', text: 'use' },
      { type: 'same', text: ' the app.' },
    ]);
  });
});

describe('applySuggestions', () => {
  const response = 'Utilize the portal to purchase upgrades, then utilize the app.';
  const swap = (match: string, replacement: string, from = 0) => {
    const start = response.indexOf(match, from);
    return makeFinding({ ruleId: 'prefer-plain', kind: 'prefer', match, span: { start, end: start + match.length }, suggestion: { span: { start, end: start + match.length }, replacement } });
  };

  it('applies every non-overlapping suggestion, whatever the findings order', () => {
    const findings = [swap('utilize', 'use', 10), swap('Utilize', 'Use'), swap('purchase', 'buy')];
    expect(applySuggestions(response, findings)).toBe('Use the portal to buy upgrades, then use the app.');
    expect(applySuggestions(response, [...findings].reverse())).toBe('Use the portal to buy upgrades, then use the app.');
  });

  it('returns undefined when no finding carries a usable suggestion', () => {
    expect(applySuggestions(response, [])).toBeUndefined();
    expect(applySuggestions(response, [findingAt(response, 'portal')])).toBeUndefined();
    const outside = makeFinding({ suggestion: { span: { start: 60, end: 90 }, replacement: 'x' } });
    const backwards = makeFinding({ suggestion: { span: { start: 5, end: 2 }, replacement: 'x' } });
    expect(applySuggestions(response, [outside, backwards])).toBeUndefined();
  });

  it('skips a suggestion that overlaps one already taken; rules win over the grader', () => {
    const phrase = makeFinding({ origin: 'grader', suggestion: { span: { start: 0, end: 18 }, replacement: 'Open the portal' } });
    const word = swap('Utilize', 'Use');
    expect(applySuggestions(response, [phrase, word])).toBe('Use the portal to purchase upgrades, then utilize the app.');
    const earlier = makeFinding({ suggestion: { span: { start: 4, end: 11 }, replacement: 'X' } });
    expect(applySuggestions(response, [earlier, word])).toBe('Use the portal to purchase upgrades, then utilize the app.');
  });

  it('applies insertions and keeps the order of an insertion before a replacement at the same point', () => {
    const insert = makeFinding({ suggestion: { span: { start: 0, end: 0 }, replacement: 'Sure! ' } });
    expect(applySuggestions(response, [swap('Utilize', 'Use'), insert])).toBe('Sure! Use the portal to purchase upgrades, then utilize the app.');
  });
});
