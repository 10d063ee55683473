import { describe, expect, it } from 'vitest';
import { capText } from '../../src/text/cap-text.js';
import { countWords, listWords } from '../../src/text/count-words.js';
import { fleschKincaidGrade, measureReadability } from '../../src/text/flesch-kincaid-grade.js';
import { splitSentences } from '../../src/text/split-sentences.js';

describe('splitSentences', () => {
  it('splits on terminal punctuation, keeping abbreviations, initials and decimals together', () => {
    expect(splitSentences('Hi there! See e.g. the docs. Dr. Smith said 3.5 is fine... OK? J. Doe agrees.')).toEqual([
      'Hi there!',
      'See e.g. the docs.',
      'Dr. Smith said 3.5 is fine...',
      'OK?',
      'J. Doe agrees.',
    ]);
  });

  it('treats list items and blank lines as boundaries', () => {
    expect(splitSentences('Try this:\n- restart\n- update\n\nThen call us')).toEqual(['Try this:', '- restart', '- update', 'Then call us']);
    expect(splitSentences('Steps\n1. open\n2) close')).toEqual(['Steps', '1. open', '2) close']);
  });

  it('handles quotes, stray punctuation and empty text', () => {
    expect(splitSentences('He said “done.” Then left.')).toEqual(['He said “done.”', 'Then left.']);
    expect(splitSentences('Great! !! Really.')).toEqual(['Great!!!', 'Really.']);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   ')).toEqual([]);
  });
});

describe('countWords', () => {
  it('counts words with inner apostrophes and hyphens as one', () => {
    expect(countWords("Don't follow-up — it’s 3 items, ok?")).toBe(6);
    expect(listWords('naïve café, 2026')).toEqual(['naïve', 'café', '2026']);
    expect(countWords('')).toBe(0);
  });
});

describe('fleschKincaidGrade', () => {
  it('rates plain text low and dense text high', () => {
    expect(fleschKincaidGrade('The cat sat on the mat. It was glad.')).toBeLessThan(2);
    expect(
      fleschKincaidGrade('Notwithstanding the aforementioned considerations, implementation necessitates comprehensive organizational restructuring.'),
    ).toBeGreaterThan(20);
    expect(fleschKincaidGrade('')).toBe(0);
  });

  it('reports its counts', () => {
    expect(measureReadability('Hello there. Go now.')).toMatchObject({ words: 4, sentences: 2, syllables: 5 });
  });
});

describe('capText', () => {
  it('cuts long text without splitting a surrogate pair', () => {
    expect(capText('abc', 5)).toBe('abc');
    expect(capText('abcdef', 3)).toBe('abc');
    expect(capText('ab😀cd', 3)).toBe('ab');
    expect(capText('ab😀cd', 4)).toBe('ab😀');
  });
});

describe('countWords agrees with listWords', () => {
  it.each([
    "Don't follow-up — it’s 3 items, ok?",
    "'quoted' -dash- trailing' end-",
    'naïve café 𝐀𝐁𝐂 日本語 x',
    '   ',
    'a-b-c d’e',
  ])('%j', (text) => {
    expect(countWords(text)).toBe(listWords(text).length);
  });
});
