import type { Span } from '../types.js';
import { prefiltered } from './prefiltered-regex.js';
import { parseRegexLiteral, safeRegex, UnsafePatternError } from './safe-regex.js';

/** A match of one phrase of a list: a span of the text plus the index of the phrase that matched. */
export interface PhraseMatch extends Span {
  /** Index into the phrase list given to {@link compilePhraseMatcher}. */
  phrase: number;
}

/**
 * Finds the phrases of a compiled list in a text; matches are sorted by start, then longest first.
 * With `limit`, returns only the `limit` earliest matches and stops scanning early (use 1 to test
 * for presence).
 */
export type PhraseMatcher = (text: string, limit?: number) => PhraseMatch[];

export interface PhraseMatcherOptions {
  /** Literal phrases match case-insensitively unless true. `/regex/flags` phrases keep exactly their own flags. */
  caseSensitive?: boolean;
  /**
   * How a literal phrase meets the words around it. A phrase that starts with a letter or digit
   * must always start at a word start (`late` never matches in `chocolate`).
   * - `word` (default): it must also end at a word end, so it matches whole words only
   *   (`sorry` does not match `sorrygram`); used for `banned` terms and `prefer` swaps.
   * - `prefix`: it may run on into a longer word, so a stem matches its forms
   *   (`escalat` → `escalate`, `escalating`; `cancel` → `cancellation`); used for `require.any`,
   *   escalation `handoff` and `customer_mentions`, and signal `any` lists.
   */
  mode?: 'word' | 'prefix';
  /** Treat phrases written `/source/flags` as regexes (default true); false keeps every phrase literal. */
  regex?: boolean;
}

/** A phrase of a list could not be compiled; `index` says which. */
export class PhraseError extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message);
    this.name = 'PhraseError';
  }
}

// Anchored with `u` so an astral letter or digit (𝐀, 𠀀) is read as one code point, as the matching regexes read it.
const STARTS_IN_WORD = /^[\p{L}\p{N}_]/u;
const ENDS_IN_WORD = /[\p{L}\p{N}_]$/u;
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}_])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}_])';
const REST_OF_WORD = '[\\p{L}\\p{N}_]*';
const SYNTAX_CHARS = /[.*+?^${}()|[\]\\]/g;
const WHITESPACE_RUN = /\s+/g;
const APOSTROPHE = /['’]/g;

/** Regex source for the body of one literal phrase: escaped, any whitespace run matching any whitespace, both apostrophes alike. */
function literalBody(phrase: string): string {
  return phrase.replace(SYNTAX_CHARS, '\\$&').replace(WHITESPACE_RUN, '\\s+').replace(APOSTROPHE, "['’]");
}

/** The word-boundary assertions a literal phrase needs; phrases that share them share one regex. */
function boundaryOf(phrase: string, mode: 'word' | 'prefix'): { start: string; end: string } {
  const start = STARTS_IN_WORD.test(phrase) ? NOT_AFTER_WORD : '';
  const endsInWord = ENDS_IN_WORD.test(phrase);
  // In prefix mode the match runs to the end of the word, so `escalat` reports `escalating`.
  const end = endsInWord ? (mode === 'word' ? NOT_BEFORE_WORD : REST_OF_WORD) : '';
  return { start, end };
}

/** Appends every non-empty match of `re` in `text` to `out`, tagging it with `phrase(match)`. */
function collect(
  re: RegExp,
  text: string,
  out: PhraseMatch[],
  phrase: (m: RegExpExecArray) => number,
  limit = Infinity,
): void {
  re.lastIndex = 0;
  let found = 0;
  for (let m = found < limit ? re.exec(text) : null; m !== null; m = found < limit ? re.exec(text) : null) {
    if (m[0] === '') {
      re.lastIndex++; // a pattern that can match nothing would otherwise loop forever
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, phrase: phrase(m) });
    found++;
  }
}

/**
 * Compiles a list of phrases once into a matcher that is cheap to run on every reply.
 * Literal phrases are joined into one alternation (longest first, so the longest phrase wins
 * where several start at the same place); `/source/flags` phrases are checked by {@link safeRegex}.
 *
 * @throws {PhraseError} naming the first phrase that is empty, an invalid regex or an unsafe regex.
 */
export function compilePhraseMatcher(phrases: readonly string[], options: PhraseMatcherOptions = {}): PhraseMatcher {
  const mode = options.mode ?? 'word';
  const literals: { index: number; text: string }[] = [];
  const regexes: { index: number; re: RegExp }[] = [];
  phrases.forEach((raw, index) => {
    const literal = options.regex === false ? undefined : parseRegexLiteral(raw);
    if (literal) {
      try {
        regexes.push({ index, re: safeRegex(literal.source, literal.flags) });
      } catch (error) {
        if (error instanceof UnsafePatternError) throw new PhraseError(index, error.message);
        throw error;
      }
      return;
    }
    const text = raw.trim();
    if (text === '') throw new PhraseError(index, 'empty phrase');
    literals.push({ index, text });
  });

  // Longest first: alternation is ordered, and "not at this time" must beat "not".
  const ordered = [...literals].sort((a, b) => b.text.length - a.text.length || a.index - b.index);
  // Boundary assertions are hoisted out of the alternation (one regex per kind of boundary, usually
  // one in all): V8 then tries the lookbehind once per position instead of once per phrase.
  const byBoundary = new Map<string, { start: string; end: string; phrases: { index: number; text: string }[] }>();
  for (const literal of ordered) {
    const boundary = boundaryOf(literal.text, mode);
    const key = `${boundary.start}\u0000${boundary.end}`;
    const group = byBoundary.get(key) ?? { ...boundary, phrases: [] };
    group.phrases.push(literal);
    byBoundary.set(key, group);
  }
  const flags = options.caseSensitive ? 'gu' : 'giu';
  const combined = [...byBoundary.values()].map(({ start, end, phrases }) => {
    // Prefiltered: a reply without any of the phrases' words is ruled out by the shared literal index.
    const pattern = prefiltered(`${start}(?:${phrases.map((l) => `(${literalBody(l.text)})`).join('|')})${end}`, flags);
    const groupToPhrase = phrases.map((l) => l.index);
    const whichGroup = (m: RegExpExecArray): number => {
      for (let g = 1; g < m.length; g++) if (m[g] !== undefined) return groupToPhrase[g - 1] ?? -1;
      return -1;
    };
    return { pattern, whichGroup };
  });
  const needsSort = regexes.length + combined.length > 1;

  return (text, limit = Infinity) => {
    const out: PhraseMatch[] = [];
    // Each regex yields its matches in order, so its `limit` earliest are enough to find the overall earliest.
    for (const { pattern, whichGroup } of combined) if (pattern.mayMatch(text)) collect(pattern.regex, text, out, whichGroup, limit);
    // Literal phrases behave like one leftmost-longest scan: drop a literal match inside an earlier one.
    if (combined.length > 1) dropOverlaps(out);
    for (const { index, re } of regexes) collect(re, text, out, () => index, limit);
    if (needsSort) out.sort((a, b) => a.start - b.start || b.end - a.end || a.phrase - b.phrase);
    return out.length > limit ? out.slice(0, limit) : out;
  };
}

function dropOverlaps(matches: PhraseMatch[]): void {
  matches.sort((a, b) => a.start - b.start || b.end - a.end || a.phrase - b.phrase);
  let kept = 0;
  let reach = -1;
  for (const match of matches) {
    if (match.start < reach) continue;
    matches[kept++] = match;
    reach = match.end;
  }
  matches.length = kept;
}

/**
 * Compiles regexes a guide writes as patterns: a bare source (`\bper our policy\b`) or
 * `/source/flags`. Unless `caseSensitive`, each gets the `i` flag.
 *
 * @throws {PhraseError} naming the first pattern that is invalid or unsafe.
 */
export function compilePatterns(patterns: readonly string[], options: { caseSensitive?: boolean } = {}): RegExp[] {
  return patterns.map((raw, index) => {
    const { source, flags } = parseRegexLiteral(raw) ?? { source: raw, flags: '' };
    if (source === '') throw new PhraseError(index, 'empty pattern');
    try {
      return safeRegex(source, options.caseSensitive ? flags : `${flags}i`);
    } catch (error) {
      if (error instanceof UnsafePatternError) throw new PhraseError(index, error.message);
      throw error;
    }
  });
}

/** Every non-empty match of each of `patterns` in `text`, tagged with the pattern's index, sorted by start. */
export function matchPatterns(patterns: readonly RegExp[], text: string): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  patterns.forEach((re, index) => collect(re, text, out, () => index));
  return out.sort((a, b) => a.start - b.start || b.end - a.end || a.phrase - b.phrase);
}
