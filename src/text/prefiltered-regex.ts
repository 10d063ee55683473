import { LiteralIndex } from './literal-index.js';
import { requiredLiterals } from './linear-regex.js';

/**
 * A regex of our own (lexicons, detectors) with the literals one of which every match must contain,
 * checked first: a text without any of them cannot match. The literals of every pattern share one
 * automaton ({@link LiteralIndex}), so one pass over a text answers that check for all of them. Most
 * texts fail it for most patterns, so most patterns are never run — and, compiled lazily, never even
 * compiled: start-up does not pay for compiling patterns a run never needs.
 */
export interface PrefilteredRegExp {
  /** The global regex itself, compiled on first use. */
  readonly regex: RegExp;
  /** Whether `text` can match at all: one of the required literals is present, or there are none. */
  mayMatch(text: string): boolean;
}

// Simple case folding maps these to ASCII where toLowerCase does not (`/iu` matches `ſ` for `s`).
const FOLDS_TO_ASCII = /ſ/g;

/**
 * Recent texts, lowercased for literal search. Every pattern asks about the same few texts in turn
 * (the reply, its sentences, the customer's message), so remembering only the last one would
 * lowercase again on almost every call.
 */
const foldedTexts = new Map<string, string>();
const FOLDED_TEXTS_KEPT = 64;

function folded(text: string): string {
  let lower = foldedTexts.get(text);
  if (lower === undefined) {
    if (foldedTexts.size >= FOLDED_TEXTS_KEPT) foldedTexts.clear();
    lower = text.toLowerCase().replace(FOLDS_TO_ASCII, 's');
    foldedTexts.set(text, lower);
  }
  return lower;
}

/** Literals of case-insensitive patterns, lowercased, scanned in the folded text; and of case-sensitive ones, as written. */
const FOLDED_LITERALS = new LiteralIndex();
const EXACT_LITERALS = new LiteralIndex();

class LazyPrefilteredRegExp implements PrefilteredRegExp {
  #regex: RegExp | undefined;
  /** Ids of the required literals in their index; undefined when nothing is required. */
  readonly #literals: readonly number[] | undefined;
  readonly #ignoreCase: boolean;

  constructor(
    readonly source: string,
    readonly flags: string,
  ) {
    this.#ignoreCase = flags.includes('i');
    // Two characters are worth it: the automaton checks every literal in one pass, however many.
    const literals = requiredLiterals(source, 2);
    // Outside ASCII, lowercasing and the regex's case folding can disagree (`İ`, final sigma): there a
    // literal cannot safely rule a text out, so such a pattern is always run.
    const safe = literals !== undefined && (!this.#ignoreCase || literals.every((l) => /^[\x20-\x7e]*$/.test(l)));
    this.#literals = safe
      ? this.#ignoreCase
        ? literals.map((l) => FOLDED_LITERALS.register(l.toLowerCase()))
        : literals.map((l) => EXACT_LITERALS.register(l))
      : undefined;
  }

  get regex(): RegExp {
    this.#regex ??= new RegExp(this.source, this.flags);
    return this.#regex;
  }

  mayMatch(text: string): boolean {
    const literals = this.#literals;
    if (literals === undefined) return true;
    const found = this.#ignoreCase ? FOLDED_LITERALS.scan(folded(text)) : EXACT_LITERALS.scan(text);
    for (const id of literals) if (found[id] === 1) return true;
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

/** How many times the shared prefilter automata were built (for tests and profiling: one per burst of new patterns). */
export function prefilterBuilds(): number {
  return FOLDED_LITERALS.builds + EXACT_LITERALS.builds;
}
