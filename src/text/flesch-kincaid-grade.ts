import { syllable } from 'syllable';
import { listWords } from './count-words.js';
import { splitSentences } from './split-sentences.js';

/** Replies reuse a small vocabulary, so caching syllable counts pays; clearing bounds the memory. */
const SYLLABLE_CACHE_SIZE = 10_000;
const syllableCache = new Map<string, number>();

function countSyllables(word: string): number {
  const key = word.toLowerCase();
  let n = syllableCache.get(key);
  if (n === undefined) {
    // Every word is at least one syllable; `syllable` returns 0 for digits and symbols.
    n = Math.max(1, syllable(key));
    if (syllableCache.size >= SYLLABLE_CACHE_SIZE) syllableCache.clear();
    syllableCache.set(key, n);
  }
  return n;
}

/** Counts behind a readability grade. */
export interface ReadabilityStats {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch–Kincaid grade level: 0.39·(words/sentence) + 11.8·(syllables/word) − 15.59; 0 for text without words. */
  grade: number;
}

/** Flesch–Kincaid grade level of `text` with the counts behind it. */
export function measureReadability(text: string): ReadabilityStats {
  const words = listWords(text);
  if (words.length === 0) return { words: 0, sentences: 0, syllables: 0, grade: 0 };
  const sentences = Math.max(1, splitSentences(text).length);
  let syllables = 0;
  for (const word of words) syllables += countSyllables(word);
  const grade = 0.39 * (words.length / sentences) + 11.8 * (syllables / words.length) - 15.59;
  return { words: words.length, sentences, syllables, grade };
}

/** Flesch–Kincaid grade level of `text` (US school grade; may be negative for very simple text). */
export function fleschKincaidGrade(text: string): number {
  return measureReadability(text).grade;
}
