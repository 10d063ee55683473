import { contentStems } from '../detect-engagement.js';
import { detectAnswer } from '../detect-answer.js';
import { isCompanyTurn, type IndexedTurn } from './read-conversation.js';
import { lastCustomerMessage } from '../../text/customer-text.js';

/** Content stems a turn must have before repetition means anything ("OK, thanks" twice is not a loop). */
const MIN_STEMS = 4;
/** Share of shared stems (Jaccard) at which two bot turns say the same thing. */
export const LOOP_SIMILARITY = 0.6;
/**
 * A reworded repeat: most of an earlier bot turn's substance said again (its content stems
 * covered at this share or more) while at most a third of the reply's content stems (or two,
 * in a short reply) are ones no earlier bot turn used — "Payments can take up to 2 hours" → "Most payments arrive
 * within 2 hours, but some can take longer" adds nothing the customer can use.
 */
const COVERAGE = 0.6;
const MAX_NEW_SHARE = 0.34;
const MAX_NEW_STEMS_SHORT = 2;

/** Content stems and numbers: "2 hours" and "48 hours" are different answers. */
function substance(text: string): Set<string> {
  const out = new Set(contentStems(text).keys());
  for (const m of text.matchAll(/\d+(?:[.,]\d+)?/gu)) out.add(m[0]);
  return out;
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n += 1;
  return n;
}

export interface Loop {
  /** The earlier bot turn the last one repeats (0-based turn index) and how alike they are (0..1). */
  repeats: number;
  similarity: number;
  /** Share (0..1) of the earlier turn's content stems said again, and content stems no earlier bot turn used. */
  covered: number;
  added: number;
}

/**
 * Whether the last bot turn repeats an earlier bot turn in substance: the same content stems in
 * any order at {@link LOOP_SIMILARITY} or more, or an earlier turn's substance said again with
 * next to nothing new. A recap when the customer is closing ("thanks, that's all") is not a loop.
 */
export function detectLoop(turns: readonly IndexedTurn[]): Loop | undefined {
  const last = turns[turns.length - 1];
  if (last === undefined || !isCompanyTurn(last)) return undefined;
  // A first bot turn (every single reply) has nothing to repeat: decided before any text analysis.
  const earlier = turns.slice(0, -1).filter(isCompanyTurn);
  if (earlier.length === 0) return undefined;
  const mine = substance(last.text);
  if (mine.size < MIN_STEMS) return undefined;
  const lastCustomer = lastCustomerMessage(turns);
  if (lastCustomer !== '' && detectAnswer(last.text, lastCustomer).noneNeeded !== undefined) return undefined;
  const saidBefore = new Set(earlier.flatMap((t) => [...substance(t.text)]));
  const newStems = [...mine].filter((s) => !saidBefore.has(s)).length;
  let best: Loop | undefined;
  for (const turn of earlier) {
    const theirs = substance(turn.text);
    if (theirs.size < MIN_STEMS - 1) continue;
    const common = shared(mine, theirs);
    const jaccard = common / (mine.size + theirs.size - common);
    const repeats = jaccard >= LOOP_SIMILARITY || (common / theirs.size >= COVERAGE && newStems <= Math.max(MAX_NEW_STEMS_SHORT, MAX_NEW_SHARE * mine.size));
    if (repeats && (best === undefined || jaccard > best.similarity)) best = { repeats: turn.index, similarity: jaccard, covered: common / theirs.size, added: newStems };
  }
  return best;
}
