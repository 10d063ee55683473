import { createHash } from 'node:crypto';

/** Which half of the labels a sample belongs to: thresholds are chosen on `fit` and reported on `check`. */
export type Half = 'fit' | 'check';

/** How the split is made, as reports state it. */
export const SPLIT_RULE = 'sha256(sample id, up to any "#") read as a number: even → fit half, odd → check (held-out) half';

/**
 * The half a sample id falls in: sha256(id as UTF-8) read as a big-endian number, even → `fit`,
 * odd → `check` (so the last byte decides). Deterministic and independent of file order, so every
 * run, every script and every engineer splits alike; the judge was tuned on the `fit` half of the
 * development set only. An id with a `#` (a turn of a conversation, `conv-17#3`) is split by the part
 * before it, so all turns of a conversation fall in the same half.
 */
export function halfOf(id: string): Half {
  // Turns of one conversation ("conv-17#3") share a half: otherwise its other turns would leak across.
  const hash = id.includes('#') ? id.slice(0, id.indexOf('#')) : id;
  const digest = createHash('sha256').update(hash, 'utf8').digest();
  return digest[digest.length - 1]! % 2 === 0 ? 'fit' : 'check';
}
