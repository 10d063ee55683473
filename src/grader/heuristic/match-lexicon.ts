import type { Span } from '../../types.js';
import type { LexiconEntry } from './lexicon-entry.js';

/** One occurrence of a lexicon entry: the exact text and where it sits (0-based UTF-16, end exclusive). */
export interface LexiconHit {
  entry: LexiconEntry;
  text: string;
  span: Span;
}

const WORD_CHAR = '[\\p{L}\\p{N}_]';
// "At the start of a sentence": start of text, or after terminal punctuation (and any closing
// quotes/brackets) plus whitespace, or after a newline.
const SENTENCE_START = `(?:^|(?<=[.!?]["'’”)\\]]*\\s+)|(?<=\\n\\s*))`;

const compiled = new WeakMap<LexiconEntry, RegExp>();

function phraseBody(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"))
    .join('\\s+');
}

/**
 * One regex source for a list of literal phrases. Word boundaries apply only where a phrase itself
 * begins/ends with a word character ("100%" has none at the end); phrases sharing the same
 * boundaries share one hoisted pair of lookarounds, which keeps the regex cheap to compile and run.
 */
function phrasesSource(phrases: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const phrase of phrases) {
    const before = /^[\p{L}\p{N}_]/u.test(phrase.trim()) ? `(?<!${WORD_CHAR})` : '';
    const after = /[\p{L}\p{N}_]$/u.test(phrase.trim()) ? `(?!${WORD_CHAR})` : '';
    const key = `${before}\u0000${after}`;
    groups.set(key, [...(groups.get(key) ?? []), phraseBody(phrase)]);
  }
  return [...groups].map(([key, bodies]) => {
    const [before, after] = key.split('\u0000') as [string, string];
    // Longest first, so the alternation prefers "not at this time" over "not".
    const ordered = [...bodies].sort((a, b) => b.length - a.length);
    return `${before}(?:${ordered.join('|')})${after}`;
  });
}

/** Compiles an entry once into one case-insensitive, Unicode-aware regex (memoised per entry object). */
function compileEntry(entry: LexiconEntry): RegExp {
  let regex = compiled.get(entry);
  if (regex === undefined) {
    const sources = [
      ...phrasesSource(entry.phrases ?? []),
      ...(entry.patterns ?? []).map((pattern) => pattern.replaceAll('{S}', SENTENCE_START)),
    ];
    regex = new RegExp(sources.map((source) => `(?:${source})`).join('|'), entry.caseSensitive === true ? 'gu' : 'giu');
    compiled.set(entry, regex);
  }
  return regex;
}

/** Every non-empty, non-overlapping occurrence of `entry` in `text`, in order. */
export function matchEntry(text: string, entry: LexiconEntry): LexiconHit[] {
  const regex = compileEntry(entry);
  const hits: LexiconHit[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex += 1;
      continue;
    }
    hits.push({ entry, text: m[0], span: { start: m.index, end: m.index + m[0].length } });
  }
  return hits;
}

/** Occurrences of every entry of a lexicon in `text`, grouped in lexicon order. */
export function matchLexicon(text: string, lexicon: readonly LexiconEntry[]): LexiconHit[] {
  return lexicon.flatMap((entry) => matchEntry(text, entry));
}
