import { describe, expect, it } from 'vitest';
import { LinearRegExp, requiredFactor, translateToRe2, UnsupportedRegexError } from '../../src/text/linear-regex.js';

/** Every match as [start, end) with both engines: the linear one must agree with V8's. */
function spans(re: RegExp, text: string): [number, number][] {
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

describe('LinearRegExp', () => {
  it.each([
    ['\\bper our policy\\b', 'gi', 'Per our policy, and PER OUR POLICY.'],
    ['^\\s*hi\\b', 'gi', '  Hi there\nhi again'],
    ['^hi\\b', 'gim', 'Hi there\nhi again'],
    ['again$', 'gm', 'again\nand again\nagain'],
    ['a.b', 'g', 'a\nb a\rb a\u2028b axb'],
    ['a.b', 'gs', 'a\nb a\rb axb'],
    ['a\\sb', 'g', 'a b a\u00a0b a\u2003b a\tb a\u3000b axb'],
    ['a\\Sb', 'g', 'a b a\u00a0b axb'],
    ['[\\s,]+', 'g', 'x, \u00a0y'],
    ['\\p{L}+', 'gu', '12 héllo wörld ΑΘΗΝΑ 東京'],
    ['\\p{Lu}\\p{Ll}+', 'gu', 'Émile and Zoë'],
    ['\\P{L}+', 'gu', 'ab12!cd'],
    ['\\p{Letter}+', 'gu', 'ab12cd'],
    ['\\p{Script=Greek}+', 'gu', 'abc αβγ'],
    ['\\bcafé\\b', 'giu', 'CAFÉ au lait'],
    ['\\d{2,4}', 'g', 'a 1 22 333 55555'],
    ['colou?r', 'gi', 'COLOR colour'],
    ['\\u00e9|\\x41', 'g', 'é A'],
    ['\\u{1F600}', 'gu', 'hi 😀'],
    ['😀+', 'gu', 'hi 😀😀'],
    ['[^]', 'g', 'a\nb'],
    ['a{,2}', 'g', 'a{,2}'],
    ['a]}', 'g', 'a]}'],
    ['[[:a]+', 'g', '[:a'],
    ['[\\b]', 'g', 'a\bb'],
    ['\\/', 'g', 'and/or'],
    ['(?<!\\bnot )\\bhappy\\b', 'gi', 'not happy, Happy, unhappy'],
    ['(?<=\\$)\\d+', 'g', 'costs $40 or 50'],
    ['(?:still|again)\\b[^.!?]{0,40}\\bnot\\b', 'gi', 'Still does not work. Again not fine'],
    ['a*?b', 'g', 'aab'],
  ])('/%s/%s finds what the JavaScript engine finds', (source, flags, text) => {
    expect(spans(new LinearRegExp(source, flags), text)).toEqual(spans(new RegExp(source, flags), text));
  });

  it('reports groups, named groups and lastIndex like a native RegExp', () => {
    const re = new LinearRegExp('(?<word>\\w+)(-(\\d))?', 'g');
    const first = re.exec('ab-1 cd');
    expect([...first!]).toEqual(['ab-1', 'ab', '-1', '1']);
    expect(first?.groups).toEqual({ word: 'ab' });
    expect(re.lastIndex).toBe(4);
    const second = re.exec('ab-1 cd');
    expect([...second!]).toEqual(['cd', 'cd', undefined, undefined]);
    expect(re.exec('ab-1 cd')).toBeNull();
    expect(re.lastIndex).toBe(0);
    expect(re.test('!!')).toBe(false);
    expect('x1 y2'.replace(new LinearRegExp('\\d', 'g'), '#')).toBe('x# y#');
  });

  it('keeps word boundaries and anchors at the start position when searching from lastIndex', () => {
    const re = new LinearRegExp('\\bfoo|^x', 'g');
    re.lastIndex = 1;
    expect(re.exec('xfoo foo')?.index).toBe(5);
  });

  it('refuses the sticky flag', () => {
    expect(() => new LinearRegExp('a', 'y')).toThrow(UnsupportedRegexError);
  });
});

describe('translateToRe2', () => {
  it('widens \\s and . to JavaScript’s meaning and notes lookbehind', () => {
    expect(translateToRe2('a.\\sb', '').source).toBe('a[^\\n\\r\\x{2028}\\x{2029}][\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]b');
    expect(translateToRe2('(?<!x)y', '').lookbehind).toBe(true);
    expect(translateToRe2('\\uD83D\\uDE00', '').source).toBe('\\x{1f600}');
  });

  it.each([
    ['(?=a)', /lookahead/],
    ['(a)\\1', /backreference/],
    ['[\\S,]', /inside a character class/],
    ['\\p{L}', /without the u flag/],
    ['\\q', /the escape `\\q`/],
    ['\\07', /octal/],
    ['\\uD83D', /lone surrogate/],
  ])('refuses %s', (source, message) => {
    expect(() => translateToRe2(source, '')).toThrow(message);
  });
});

describe('requiredFactor', () => {
  it.each([
    ['\\byou (?:should|must) have (?:read|checked)\\b', ' have '],
    ['\\b(?:still|again)\\b[^.!?\\n]{0,40}\\bnot\\b', 'still|again'],
    ['^\\s*(?:as per|per|according to) (?:our|the) (?:policy|policies|terms)\\b', 'policy|policies|terms'],
    ['colou?r', 'colo'],
    ['a.b+c\\.d', 'c\\.d'],
    ['guarantee|promise', 'guarantee|promise'],
    ['guarantee|no', undefined],
    ['\\bwe (?:will|shall)\\b|\\bguaranteed?\\b', 'will|shall|guarantee'],
    ['[|]abc|def', 'abc|def'],
    ['(?:a|b)|cdef', undefined],
    ['(?:x|y)+z', undefined],
    ['rocket\\s+science', 'science'],
    ['(?<!not )happy', 'happy'],
    ['\\$\\d+ off', ' off'],
    ['price: \\$\\d+', 'price: \\$'],
    ['a|b', undefined],
    ['ab', undefined],
    ['abc(?:d|e)*', 'abc'],
  ])('of %s is %s', (source, factor) => {
    expect(requiredFactor(source)).toBe(factor);
  });

  it('never rules out a match: the prefiltered regex finds what the engine alone finds', () => {
    const re = new LinearRegExp('KELVIN', 'gi');
    expect(spans(re, 'the \u212Aelvin scale')).toEqual([[4, 10]]);
  });
});
