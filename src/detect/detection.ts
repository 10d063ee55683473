import type { Span } from '../types.js';
import { mayMatch, prefiltered, type PrefilteredRegExp } from '../text/prefiltered-regex.js';

/**
 * What a detector found: the text that shows it (`evidence` equals `text.slice(span.start, span.end)`)
 * and a short label saying which reading fired, for explanations ("transfer to a named team").
 */
export interface Detection {
  label: string;
  evidence: string;
  span: Span;
}

/** One way a meaning can be expressed: a regex (global, unicode, linear-time: no nested quantifiers) and its label. */
export interface Reading {
  label: string;
  readonly pattern: RegExp;
  /** The pattern with its required literal, checked first (see `text/prefiltered-regex.ts`). */
  prefiltered: PrefilteredRegExp;
}

/** Builds a reading; patterns are case-insensitive unless `caseSensitive`, always `gu`. */
export function reading(label: string, source: string, caseSensitive = false): Reading {
  const compiled = prefiltered(source, caseSensitive ? 'gu' : 'giu');
  // `pattern` compiles on first use: most readings are ruled out by their literals for most replies.
  return {
    label,
    prefiltered: compiled,
    get pattern() {
      return compiled.regex;
    },
  };
}

/** The earliest match of any reading in `text`, or undefined. */
export function findFirst(text: string, readings: readonly Reading[]): Detection | undefined {
  let best: Detection | undefined;
  for (const { label, pattern, prefiltered: filter } of readings) {
    if (!mayMatch(filter, text)) continue;
    pattern.lastIndex = 0;
    const m = pattern.exec(text);
    if (m === null || m[0] === '') continue;
    if (best === undefined || m.index < best.span.start) {
      best = { label, evidence: m[0], span: { start: m.index, end: m.index + m[0].length } };
    }
  }
  return best;
}

/** Every match of every reading, sorted by start. */
export function findAll(text: string, readings: readonly Reading[]): Detection[] {
  const found: Detection[] = [];
  for (const { label, pattern, prefiltered: filter } of readings) {
    if (!mayMatch(filter, text)) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0] === '') {
        pattern.lastIndex += 1;
        continue;
      }
      found.push({ label, evidence: m[0], span: { start: m.index, end: m.index + m[0].length } });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

/** Alternation of words: `words('team', 'desk')` → `(?:team|desk)`. */
export function oneOf(...alternatives: string[]): string {
  return `(?:${alternatives.join('|')})`;
}

/**
 * Remembers the result for the most recent text: rules and graders ask the same question of the
 * same reply several times per sample (every escalation trigger asks whether the reply hands off),
 * and the answer is a pure function of the text.
 */
export function rememberLast<T>(read: (text: string) => T): (text: string) => T {
  let lastText: string | undefined;
  let lastResult: T;
  return (text) => {
    if (text !== lastText) {
      lastResult = read(text);
      lastText = text;
    }
    return lastResult;
  };
}
