import { stemWord } from '../detect-engagement.js';
import { isCompanyTurn, type IndexedTurn } from './read-conversation.js';

/** Content stems a turn must have before repetition means anything ("OK, thanks" twice is not a loop). */
const MIN_STEMS = 5;
/** Share of shared stems (Jaccard) at which two bot turns say the same thing. */
export const LOOP_SIMILARITY = 0.6;

function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{L}[\p{L}'’-]*|\d+/gu)) if (m[0].length >= 3) out.add(stemWord(m[0]));
  return out;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / (a.size + b.size - shared || 1);
}

export interface Loop {
  /** The earlier bot turn the last one repeats (0-based turn index) and how alike they are (0..1). */
  repeats: number;
  similarity: number;
}

/**
 * Whether the last bot turn repeats an earlier bot turn in substance: the same content stems in
 * any order (a rephrased canned answer still loops), at {@link LOOP_SIMILARITY} or more.
 */
export function detectLoop(turns: readonly IndexedTurn[]): Loop | undefined {
  const last = turns[turns.length - 1];
  if (last === undefined || !isCompanyTurn(last)) return undefined;
  const mine = stems(last.text);
  if (mine.size < MIN_STEMS) return undefined;
  let best: Loop | undefined;
  for (const turn of turns.slice(0, -1)) {
    if (!isCompanyTurn(turn)) continue;
    const theirs = stems(turn.text);
    if (theirs.size < MIN_STEMS) continue;
    const similarity = jaccard(mine, theirs);
    if (similarity >= LOOP_SIMILARITY && (best === undefined || similarity > best.similarity)) best = { repeats: turn.index, similarity };
  }
  return best;
}
