import { detectNames } from './detect-names.js';
import { findPii, type FindPiiOptions } from './find-pii.js';
import { nameForms } from './known-names.js';
import { PLACEHOLDER_LABELS, zeroCounts, type PiiType, type RedactionCounts } from './pii-types.js';

export type RedactOptions = Omit<FindPiiOptions, 'knownNames'>;

/** One replacement made in a text: `[start, end)` of the original became `placeholder`. */
export interface RedactionEdit {
  type: PiiType;
  start: number;
  end: number;
  placeholder: string;
}

export interface RedactedText {
  text: string;
  /** In order of `start`, not overlapping. */
  edits: RedactionEdit[];
}

/**
 * Redaction of one conversation (a sample): placeholders are typed and numbered in order of first
 * appearance, and stable within the session — the same email twice is `[EMAIL_1]` both times, a
 * second email `[EMAIL_2]`. The map from placeholder to original lives in memory only.
 */
export interface RedactionSession {
  /**
   * Redacts the texts of one conversation together: names found in any of them (greetings,
   * signatures) are also replaced where they recur in the others. Counts every replacement.
   */
  redactAll(texts: readonly string[]): RedactedText[];
  /** Redacts one more text with the same numbering (e.g. a finding's message); `count: false` leaves the counts alone. */
  redact(text: string, options?: { count?: boolean }): RedactedText;
  /** Placeholder → original. */
  readonly map: ReadonlyMap<string, string>;
  /** Replacements counted so far, per type. */
  counts(): RedactionCounts;
}

const PLACEHOLDER = new RegExp(`\\[(?:${Object.values(PLACEHOLDER_LABELS).join('|')})_[0-9]{1,6}\\]`, 'g');

export function createRedactionSession(options: RedactOptions = {}): RedactionSession {
  const map = new Map<string, string>();
  const byOriginal = new Map<string, string>();
  const next = new Map<PiiType, number>();
  const knownNames = new Set<string>();
  /** Placeholder-shaped strings already present in the texts seen, never handed out. */
  const present = new Set<string>();
  const see = (text: string): void => {
    for (const m of text.matchAll(PLACEHOLDER)) present.add(m[0]);
  };
  const counts = zeroCounts();
  const namesWanted = !options.types || options.types.includes('name');

  const placeholderFor = (type: PiiType, original: string): string => {
    const key = `${type}\u0000${original}`;
    const existing = byOriginal.get(key);
    if (existing) return existing;
    let n = next.get(type) ?? 1;
    let placeholder = `[${PLACEHOLDER_LABELS[type]}_${n}]`;
    // A text that already contains a placeholder-shaped string keeps it: that number is skipped, so restoring cannot change it.
    while (present.has(placeholder)) placeholder = `[${PLACEHOLDER_LABELS[type]}_${++n}]`;
    next.set(type, n + 1);
    byOriginal.set(key, placeholder);
    map.set(placeholder, original);
    return placeholder;
  };

  const redact = (text: string, { count = true } = {}): RedactedText => {
    see(text);
    const detections = findPii(text, { ...options, knownNames: [...knownNames] });
    const edits: RedactionEdit[] = [];
    let out = '';
    let last = 0;
    for (const d of detections) {
      const placeholder = placeholderFor(d.type, text.slice(d.start, d.end));
      out += text.slice(last, d.start) + placeholder;
      last = d.end;
      edits.push({ type: d.type, start: d.start, end: d.end, placeholder });
      if (count) counts[d.type] += 1;
    }
    return { text: out + text.slice(last), edits };
  };

  return {
    redactAll(texts) {
      for (const text of texts) see(text);
      if (namesWanted) {
        for (const text of texts) for (const d of detectNames(text, options)) for (const form of nameForms(text.slice(d.start, d.end))) knownNames.add(form);
      }
      return texts.map((text) => redact(text));
    },
    redact,
    map,
    counts: () => ({ ...counts }),
  };
}

/** Puts the originals back for the placeholders `map` knows; other bracketed text is left as it is. Pure. */
export function restore(text: string, map: ReadonlyMap<string, string>): string {
  if (map.size === 0) return text;
  return text.replace(PLACEHOLDER, (placeholder) => map.get(placeholder) ?? placeholder);
}

/**
 * Where an offset of the original text lands in the redacted text. An offset inside a replaced
 * range moves to the placeholder's start (`side: 'start'`) or end (`'end'`), so a span that
 * covered part of a redacted value covers its whole placeholder. Pure.
 */
export function mapOffset(edits: readonly RedactionEdit[], offset: number, side: 'start' | 'end'): number {
  let shift = 0;
  for (const edit of edits) {
    if (offset <= edit.start) break;
    if (offset < edit.end) return edit.start + shift + (side === 'end' ? edit.placeholder.length : 0);
    shift += edit.placeholder.length - (edit.end - edit.start);
  }
  return offset + shift;
}
