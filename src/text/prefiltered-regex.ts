import { requiredLiterals } from './linear-regex.js';

/**
 * A regex of our own (lexicons, detectors) with the literals one of which every match must contain,
 * checked first with plain substring search: a text without any of them cannot match. Most texts
 * fail that check for most patterns, so most patterns are never run — and, compiled lazily, never
 * even compiled: a reply costs a few hundred substring searches instead of a few hundred regex
 * scans, and start-up does not pay for compiling patterns a run never needs.
 */
export interface PrefilteredRegExp {
  /** The global regex itself, compiled on first use. */
  readonly regex: RegExp;
  /** Whether `text` can match at all: one of the required literals is present, or there are none. */
  mayMatch(text: string): boolean;
}

// Simple case folding maps these to ASCII where toLowerCase does not (`/iu` matches `ſ` for `s`).
const FOLDS_TO_ASCII = /ſ/g;

let lastText: string | undefined;
let lastFolded = '';

/** `text` lowercased for literal search; the last one is remembered, since every pattern asks about the same reply. */
function folded(text: string): string {
  if (text !== lastText) {
    lastFolded = text.toLowerCase().replace(FOLDS_TO_ASCII, 's');
    lastText = text;
  }
  return lastFolded;
}

class LazyPrefilteredRegExp implements PrefilteredRegExp {
  #regex: RegExp | undefined;
  /** Lowercased for case-insensitive patterns; undefined when nothing is required. */
  readonly #literals: readonly string[] | undefined;
  readonly #ignoreCase: boolean;

  constructor(
    readonly source: string,
    readonly flags: string,
  ) {
    this.#ignoreCase = flags.includes('i');
    const literals = requiredLiterals(source);
    // Outside ASCII, lowercasing and the regex's case folding can disagree (`İ`, final sigma): there a
    // literal cannot safely rule a text out, so such a pattern is always run.
    const safe = literals !== undefined && (!this.#ignoreCase || literals.every((l) => /^[\x20-\x7e]*$/.test(l)));
    this.#literals = safe ? (this.#ignoreCase ? literals.map((l) => l.toLowerCase()) : literals) : undefined;
  }

  get regex(): RegExp {
    this.#regex ??= new RegExp(this.source, this.flags);
    return this.#regex;
  }

  mayMatch(text: string): boolean {
    const literals = this.#literals;
    if (literals === undefined) return true;
    const haystack = this.#ignoreCase ? folded(text) : text;
    for (const literal of literals) if (haystack.includes(literal)) return true;
    return false;
  }
}

/** Builds a prefiltered regex; nothing is compiled until a text passes the prefilter. */
export function prefiltered(source: string, flags: string): PrefilteredRegExp {
  return new LazyPrefilteredRegExp(source, flags);
}

/** Whether `text` can match at all (a required literal is present, or there is none). */
export function mayMatch(pattern: PrefilteredRegExp, text: string): boolean {
  return pattern.mayMatch(text);
}

/** Every non-empty match of a global regex in `text`, as spans, in order. */
export function matchesOf(pattern: PrefilteredRegExp, text: string): { start: number; end: number }[] {
  if (!pattern.mayMatch(text)) return [];
  const { regex } = pattern;
  const out: { start: number; end: number }[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex += 1;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
