import { describe, expect, it } from 'vitest';
import { matchesOf, mayMatch, prefiltered } from '../../src/text/prefiltered-regex.js';

describe('prefiltered regexes', () => {
  it('find the same matches as the plain regex, skipping texts without the required literal', () => {
    const pattern = prefiltered('\\b(?:passed|handed) (?:this|it) to (?:our|the) \\w+ team\\b', 'giu');
    expect(pattern.requires).toBeDefined();
    const text = "I've PASSED this to our claims team, and handed it to the billing team too.";
    expect(matchesOf(pattern, text).map((m) => text.slice(m.start, m.end))).toEqual(['PASSED this to our claims team', 'handed it to the billing team']);
    expect(mayMatch(pattern, 'Your parcel arrives on Tuesday.')).toBe(false);
    expect(matchesOf(pattern, 'Your parcel arrives on Tuesday.')).toEqual([]);
  });

  it('have no prefilter when nothing literal is required, and still match', () => {
    const pattern = prefiltered('(?:^|[.!?]\\s+)(?:yes|no)\\b', 'giu');
    expect(pattern.requires).toBeUndefined();
    expect(matchesOf(pattern, 'Yes. No.')).toHaveLength(2);
  });
});
