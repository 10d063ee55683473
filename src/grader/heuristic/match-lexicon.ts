import type { Span } from '../../types.js';
import { compilePhraseMatcher, type PhraseMatcher } from '../../text/phrase-matcher.js';
import { matchesOf, prefiltered, type PrefilteredRegExp } from '../../text/prefiltered-regex.js';
import type { LexiconEntry } from './lexicon-entry.js';
import { isNegated } from '../../text/is-negated.js';

/** One occurrence of a lexicon entry: the exact text and where it sits (0-based UTF-16, end exclusive). */
export interface LexiconHit {
  entry: LexiconEntry;
  text: string;
  span: Span;
}

// "At the start of a sentence": start of text, or after terminal punctuation (and any closing
// quotes/brackets) plus whitespace, or after a newline.
const SENTENCE_START = `(?:^|(?<=[.!?]["'’”)\\]]*\\s+)|(?<=\\n\\s*))`;

/** An entry's sources in priority order: its phrases (one matcher), then each pattern. */
interface CompiledEntry {
  phrases: PhraseMatcher | undefined;
  patterns: PrefilteredRegExp[];
}

const compiled = new WeakMap<LexiconEntry, CompiledEntry>();

/**
 * Compiles an entry once (memoised per entry object). Phrases go through the rules' phrase matcher
 * (whole words, any whitespace run, either apostrophe, the longest phrase where several start
 * together); `regex: false` because a voice phrase read from the guide is text even when it looks
 * like `/…/`. Patterns are this grader's own regexes (lookarounds RE2 cannot run, so not the
 * matcher's guide-safe regexes), each prefiltered by the literal every match must contain.
 */
function compileEntry(entry: LexiconEntry): CompiledEntry {
  let entryCompiled = compiled.get(entry);
  if (entryCompiled === undefined) {
    const caseSensitive = entry.caseSensitive === true;
    const phrases = entry.phrases ?? [];
    entryCompiled = {
      phrases: phrases.length > 0 ? compilePhraseMatcher(phrases, { caseSensitive, regex: false }) : undefined,
      patterns: (entry.patterns ?? []).map((pattern) => prefiltered(pattern.replaceAll('{S}', SENTENCE_START), caseSensitive ? 'gu' : 'giu')),
    };
    compiled.set(entry, entryCompiled);
  }
  return entryCompiled;
}

/**
 * Every non-empty, non-overlapping occurrence of `entry` in `text`, in order. At each place the
 * earliest match wins; among matches starting together the first source (the phrases, then the
 * patterns in order), as one alternation of them all would choose. This tie-break is the
 * lexicon's own: among the phrases the matcher keeps the longest, across sources the first wins.
 */
export function matchEntry(text: string, entry: LexiconEntry): LexiconHit[] {
  const { phrases, patterns } = compileEntry(entry);
  const found: { start: number; end: number; order: number }[] = phrases ? phrases(text).map(({ start, end }) => ({ start, end, order: 0 })) : [];
  patterns.forEach((regex, index) => {
    for (const m of matchesOf(regex, text)) found.push({ ...m, order: index + 1 });
  });
  if (found.length > 1) found.sort((a, b) => a.start - b.start || a.order - b.order);
  const hits: LexiconHit[] = [];
  let end = 0;
  for (const m of found) {
    if (m.start < end || (entry.unlessNegated === true && isNegated(text, m.start))) continue;
    hits.push({ entry, text: text.slice(m.start, m.end), span: { start: m.start, end: m.end } });
    end = m.end;
  }
  return hits;
}

/** Occurrences of every entry of a lexicon in `text`, grouped in lexicon order. */
export function matchLexicon(text: string, lexicon: readonly LexiconEntry[]): LexiconHit[] {
  return lexicon.flatMap((entry) => matchEntry(text, entry));
}

/**
 * Compiles every entry of these lexicons now. Each compile registers its literals with the shared
 * prefilter, which rebuilds its automaton on the next scan after a registration: compiling entries
 * one by one as replies first need them rebuilt it ~40 times in the first reply (a third of
 * `check`'s grading time); compiling them together before the first reply rebuilds it once.
 */
export function compileLexicons(lexicons: Iterable<readonly LexiconEntry[]>): void {
  for (const lexicon of lexicons) for (const entry of lexicon) compileEntry(entry);
}
