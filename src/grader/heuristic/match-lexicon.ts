import type { Span } from '../../types.js';
import { matchesOf, prefiltered, type PrefilteredRegExp } from '../../text/prefiltered-regex.js';
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

const compiled = new WeakMap<LexiconEntry, PrefilteredRegExp[]>();

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

/**
 * Compiles an entry once (memoised per entry object): one regex per phrase group and pattern,
 * each with the literal every match must contain as a cheap first check (most replies contain
 * none of a pattern's words, and a literal scan is far cheaper than the pattern at every position).
 */
function compileEntry(entry: LexiconEntry): PrefilteredRegExp[] {
  let regexes = compiled.get(entry);
  if (regexes === undefined) {
    const sources = [
      ...phrasesSource(entry.phrases ?? []),
      ...(entry.patterns ?? []).map((pattern) => pattern.replaceAll('{S}', SENTENCE_START)),
    ];
    regexes = sources.map((source) => prefiltered(source, entry.caseSensitive === true ? 'gu' : 'giu'));
    compiled.set(entry, regexes);
  }
  return regexes;
}

/**
 * Every non-empty, non-overlapping occurrence of `entry` in `text`, in order: at each place the
 * earliest match wins, and among matches starting together the entry's first source (phrases,
 * then patterns in order), as one alternation of them all would choose.
 */
export function matchEntry(text: string, entry: LexiconEntry): LexiconHit[] {
  const found: { start: number; end: number; order: number }[] = [];
  compileEntry(entry).forEach((regex, order) => {
    for (const m of matchesOf(regex, text)) found.push({ ...m, order });
  });
  if (found.length > 1) found.sort((a, b) => a.start - b.start || a.order - b.order);
  const hits: LexiconHit[] = [];
  let end = 0;
  for (const m of found) {
    if (m.start < end) continue;
    hits.push({ entry, text: text.slice(m.start, m.end), span: { start: m.start, end: m.end } });
    end = m.end;
  }
  return hits;
}

/** Occurrences of every entry of a lexicon in `text`, grouped in lexicon order. */
export function matchLexicon(text: string, lexicon: readonly LexiconEntry[]): LexiconHit[] {
  return lexicon.flatMap((entry) => matchEntry(text, entry));
}
