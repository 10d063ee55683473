import { describe, expect, it } from 'vitest';
import type { LexiconEntry } from '../../../src/grader/heuristic/lexicon-entry.js';
import { matchEntry, matchLexicon } from '../../../src/grader/heuristic/match-lexicon.js';

const entry = (overrides: Partial<LexiconEntry>): LexiconEntry => ({ id: 'cue', label: 'cue', effect: -0.5, note: 'test', ...overrides });
const hits = (text: string, e: LexiconEntry) => matchEntry(text, e).map((h) => [h.text, h.span.start]);

describe('matchEntry', () => {
  it('matches phrases as whole words, any whitespace run, either apostrophe, case-insensitively', () => {
    const e = entry({ phrases: ["can't help", 'per our policy'] });
    expect(hits('I CAN’T help; per  our\npolicy; helpless; per our policyholder', e)).toEqual([
      ['CAN’T help', 2],
      ['per  our\npolicy', 14],
    ]);
  });

  it('keeps the longest phrase where several start together, without overlaps', () => {
    const e = entry({ phrases: ['not', 'not at this time', 'time'] });
    expect(hits('Not at this time, not now', e)).toEqual([
      ['Not at this time', 0],
      ['not', 18],
    ]);
  });

  it('prefers the phrases, then the earlier pattern, over a longer match starting at the same place', () => {
    const e = entry({ phrases: ['we promise'], patterns: ['\\bwe promise to \\w+', '\\bwe \\w+'] });
    expect(hits('we promise to call', e)).toEqual([['we promise', 0]]);
    const patternsOnly = entry({ patterns: ['\\bwe \\w+', '\\bwe promise to \\w+'] });
    expect(hits('we promise to call', patternsOnly)).toEqual([['we promise', 0]]);
  });

  it('drops a later match that overlaps an earlier one, whatever its source', () => {
    const e = entry({ phrases: ['to call'], patterns: ['\\bpromise to\\b'] });
    expect(hits('I promise to call you, to call', e)).toEqual([
      ['promise to', 2],
      ['to call', 23],
    ]);
  });

  it('reads {S} in a pattern as the start of a sentence', () => {
    const e = entry({ patterns: ['{S}unfortunately\\b'] });
    expect(hits('Unfortunately no. It is, unfortunately. "Done." Unfortunately\nunfortunately', e)).toEqual([
      ['Unfortunately', 0],
      ['Unfortunately', 48],
      ['unfortunately', 62],
    ]);
  });

  it('matches case exactly for a case-sensitive entry, and keeps a phrase that looks like /regex/ literal', () => {
    expect(hits('asap ASAP', entry({ phrases: ['ASAP'], caseSensitive: true }))).toEqual([['ASAP', 5]]);
    expect(hits('/a.b/ axb', entry({ phrases: ['/a.b/'] }))).toEqual([['/a.b/', 0]]);
  });
});

describe('matchLexicon', () => {
  it('groups hits by entry in lexicon order', () => {
    const lexicon = [entry({ id: 'b', phrases: ['beta'] }), entry({ id: 'a', phrases: ['alpha'] })];
    expect(matchLexicon('alpha beta', lexicon).map((h) => h.entry.id)).toEqual(['b', 'a']);
    expect(matchLexicon('', lexicon)).toEqual([]);
  });
});
