import { describe, expect, it } from 'vitest';
import { compilePatterns, compilePhraseMatcher, matchPatterns, PhraseError } from '../../src/text/phrase-matcher.js';

const texts = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('compilePhraseMatcher', () => {
  it('matches whole words and phrases in word mode, case-insensitively by default', () => {
    const match = compilePhraseMatcher(['late', 'per our policy']);
    const text = 'Late again? Chocolate is later. PER  OUR\tPOLICY.';
    expect(texts(text, match(text))).toEqual(['Late', 'PER  OUR\tPOLICY']);
  });

  it('matches stems as prefixes at a word start in prefix mode, reporting the whole word', () => {
    const match = compilePhraseMatcher(['escalat', 'cancel'], { mode: 'prefix' });
    const text = 'Escalating now; de-escalate; cancellation; descalate';
    expect(texts(text, match(text))).toEqual(['Escalating', 'escalate', 'cancellation']);
  });

  it('prefers the longest phrase at a position and tags each match with its phrase index', () => {
    const match = compilePhraseMatcher(['not', 'not at this time', 'time']);
    expect(match('Not at this time, not now')).toEqual([
      { start: 0, end: 16, phrase: 1 },
      { start: 18, end: 21, phrase: 0 },
    ]);
  });

  it('treats straight and curly apostrophes alike', () => {
    const match = compilePhraseMatcher(["can't", 'don’t']);
    const text = 'I can’t and I don\'t';
    expect(texts(text, match(text))).toEqual(['can’t', "don't"]);
  });

  it('respects caseSensitive for literals and keeps regex phrases on their own flags', () => {
    const match = compilePhraseMatcher(['ASAP', '/\\bnow\\b/'], { caseSensitive: true });
    const text = 'asap ASAP Now now';
    expect(texts(text, match(text))).toEqual(['ASAP', 'now']);
    const insensitive = compilePhraseMatcher(['/\\bnow\\b/i']);
    expect(insensitive('NOW')).toHaveLength(1);
  });

  it('reads an astral first or last letter as a letter, so the phrase still needs a word start and end', () => {
    const match = compilePhraseMatcher(['𝐀pp', 'ok𝐁']);
    const text = 'x𝐀pp 𝐀pp ok𝐁x ok𝐁';
    expect(match(text).map((m) => m.start)).toEqual([6, 17]);
  });

  it('matches phrases that start or end with punctuation without word boundaries', () => {
    const match = compilePhraseMatcher(['!!', '?', 'seriously?']);
    const text = 'Seriously?? No!!!';
    expect(texts(text, match(text))).toEqual(['Seriously?', '?', '!!']);
  });

  it('keeps every phrase literal with regex: false', () => {
    const match = compilePhraseMatcher(['/a.b/'], { regex: false });
    expect(match('/a.b/ axb')).toEqual([{ start: 0, end: 5, phrase: 0 }]);
  });

  it('stops early with a limit, still returning the earliest match', () => {
    const match = compilePhraseMatcher(['zeta', '/alpha/']);
    expect(match('zeta alpha zeta', 1)).toEqual([{ start: 0, end: 4, phrase: 0 }]);
    expect(match('alpha zeta', 1)).toEqual([{ start: 0, end: 5, phrase: 1 }]);
    expect(compilePhraseMatcher([])('anything')).toEqual([]);
  });

  it('skips empty regex matches instead of looping forever', () => {
    const match = compilePhraseMatcher(['/x*/']);
    expect(match('abxxc')).toEqual([{ start: 2, end: 4, phrase: 0 }]);
  });

  it('names the phrase that cannot compile', () => {
    expect(() => compilePhraseMatcher(['ok', '  '])).toThrow(new PhraseError(1, 'empty phrase'));
    const unsafe = () => compilePhraseMatcher(['ok', 'fine', '/sorry(?= again)/']);
    expect(unsafe).toThrow(PhraseError);
    try {
      unsafe();
    } catch (error) {
      expect((error as PhraseError).index).toBe(2);
      expect((error as PhraseError).message).toMatch(/^regex \/sorry\(\?= again\)\/: lookahead .* is not supported by the linear-time regex engine; rewrite/);
    }
    expect(() => compilePhraseMatcher(['/[a-/'])).toThrow(/invalid regex/);
  });

  it('runs /regex/ phrases in linear time next to literal phrases', () => {
    const match = compilePhraseMatcher(['per our policy', '/(b|b)*d/', '/(a|a)*$/']);
    const text = `per our policy ${'b'.repeat(50_000)}`;
    expect(match(text)).toEqual([{ start: 0, end: 14, phrase: 0 }]);
    expect(match(`${'a'.repeat(50_000)}`)).toEqual([{ start: 0, end: 50_000, phrase: 2 }]);
  });
});

describe('compilePatterns', () => {
  it('compiles bare sources and /source/flags, case-insensitive unless told otherwise', () => {
    const patterns = compilePatterns(['\\bfoo\\b', '/bar/s']);
    expect(texts('FOO BAR', matchPatterns(patterns, 'FOO BAR'))).toEqual(['FOO', 'BAR']);
    const sensitive = compilePatterns(['foo'], { caseSensitive: true });
    expect(matchPatterns(sensitive, 'FOO foo')).toEqual([{ start: 4, end: 7, phrase: 0 }]);
  });

  it('rejects unsupported flags and empty patterns', () => {
    expect(() => compilePatterns(['/x/y'])).toThrow(/unsupported regex flags/);
    expect(() => compilePatterns([''])).toThrow(new PhraseError(0, 'empty pattern'));
  });

  it('finishes on a pathological input for a safe pattern', () => {
    const [re] = compilePatterns(['\\b(?:still|again)\\b[^.!?]{0,40}\\bnot\\b']);
    const input = `${'still '.repeat(3000)}${'a'.repeat(20_000)}`;
    expect(matchPatterns([re!], input)).toEqual([]);
    const words = compilePhraseMatcher(['a a a a b', 'per our policy'], { mode: 'prefix' });
    expect(words('a '.repeat(10_000))).toEqual([]);
  });
});
