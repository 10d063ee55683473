import { diffWordsWithSpace } from 'diff';
import type { Finding } from '../types.js';

/** One run of a word diff. Concatenating `same` + `removed` parts gives the original; `same` + `added` gives the rewrite. */
export interface DiffPart {
  type: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Word-level diff of a reply against its rewrite. Whitespace runs are tokens of their own
 * (jsdiff's `diffWordsWithSpace`), so both texts can be rebuilt exactly from the parts —
 * `diffWords` would report common text from the rewrite only and lose the original's spacing.
 * Adjacent parts of the same type are merged; within a change, removals come before additions.
 */
export function diffWords(original: string, rewrite: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffWordsWithSpace(original, rewrite)) {
    if (change.value === '') continue;
    const type: DiffPart['type'] = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const last = parts.at(-1);
    if (last?.type === type) last.text += change.value;
    else parts.push({ type, text: change.value });
  }
  return parts;
}

/**
 * Applies the findings' suggestions to `response` and returns the fixed text, or `undefined`
 * when no suggestion applies. Suggestions whose span lies outside the response are skipped;
 * of overlapping suggestions the one from a rule (over a grader) and then the earlier one wins,
 * so the result is deterministic. Edits are applied from the end backwards so earlier spans
 * stay valid. Spans are 0-based UTF-16 offsets, end exclusive.
 */
export function applySuggestions(response: string, findings: readonly Finding[]): string | undefined {
  const candidates = findings
    .flatMap((f) => (f.suggestion ? [{ origin: f.origin, ...f.suggestion }] : []))
    .filter(({ span }) => Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= response.length)
    .sort((a, b) => rank(a.origin) - rank(b.origin) || a.span.start - b.span.start || a.span.end - b.span.end);

  const accepted: typeof candidates = [];
  for (const candidate of candidates) {
    const clash = accepted.find((other) => overlaps(other.span, candidate.span));
    if (clash === undefined) accepted.push(candidate);
  }
  if (accepted.length === 0) return undefined;

  accepted.sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let text = response;
  for (const { span, replacement } of accepted) text = text.slice(0, span.start) + replacement + text.slice(span.end);
  return text;
}

function rank(origin: Finding['origin']): number {
  return origin === 'rule' ? 0 : 1;
}

/** Half-open spans overlap when they share a character; two insertions at one point also clash. */
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
