import { describe, expect, it } from 'vitest';
import { matchesOf, mayMatch, prefiltered } from '../../src/text/prefiltered-regex.js';

describe('prefiltered regexes', () => {
  it('find the same matches as the plain regex, skipping texts without the required literal', () => {
    const pattern = prefiltered('\\b(?:passed|handed) (?:this|it) to (?:our|the) \\w+ team\\b', 'giu');
    const text = "I've PASSED this to our claims team, and handed it to the billing team too.";
    expect(matchesOf(pattern, text).map((m) => text.slice(m.start, m.end))).toEqual(['PASSED this to our claims team', 'handed it to the billing team']);
    expect(mayMatch(pattern, 'Your parcel arrives on Tuesday.')).toBe(false);
    expect(matchesOf(pattern, 'Your parcel arrives on Tuesday.')).toEqual([]);
  });

  it('can always match when nothing literal is required, and still match', () => {
    const pattern = prefiltered('\\b\\w{5,}\\b', 'giu');
    expect(mayMatch(pattern, 'anything at all')).toBe(true);
    expect(matchesOf(pattern, 'We fixed it and tested it.')).toHaveLength(2);
    expect(mayMatch(prefiltered('\\b\\w+ed\\b', 'giu'), 'anything at all')).toBe(false); // every match contains "ed"
  });

  it('read the literals of every top-level alternative and of phrase groups behind word-boundary lookarounds', () => {
    const pattern = prefiltered('(?<![\\p{L}\\p{N}_])(?:thank\\s+you|many\\s+thanks)(?![\\p{L}\\p{N}_])|\\bcheers\\b', 'giu');
    expect(mayMatch(pattern, 'We will call you.')).toBe(false);
    for (const text of ['THANK  you!', 'Many thanks.', 'Cheers, Ana']) expect(matchesOf(pattern, text)).toHaveLength(1);
  });

  it('never rule out a text the regex would match, case folding included', () => {
    // `ſ` (long s) and the Kelvin sign fold to ASCII under /iu.
    expect(matchesOf(prefiltered('\\bsorry\\b', 'giu'), 'ſorry about that')).toHaveLength(1);
    expect(matchesOf(prefiltered('kelvin', 'giu'), 'the \u212Aelvin scale')).toHaveLength(1);
    // A case-sensitive pattern only passes texts with its literal as written.
    expect(mayMatch(prefiltered('ASAP', 'gu'), 'asap')).toBe(false);
    // Literals outside ASCII are never used to rule a text out: lowercasing and folding can disagree.
    expect(matchesOf(prefiltered('straße', 'giu'), 'STRASSE straße')).toHaveLength(1);
  });

  it('rule out texts without the stem and match its forms', () => {
    const pattern = prefiltered('\\brefund(?:ed|s)?\\b', 'giu');
    expect(mayMatch(pattern, 'Your parcel arrives on Tuesday.')).toBe(false);
    expect(matchesOf(pattern, 'Refunds take five days.')).toHaveLength(1);
  });
});
