import type { Sample } from '../types.js';
import { capText } from './cap-text.js';

/**
 * Everything the customer said that a reply answers: the customer turns of the transcript, oldest
 * first, then `sample.customer` unless it repeats the last customer turn (loaders set it to that
 * turn). Each part is capped by {@link capText}; parts are joined by blank lines so phrases never
 * run across turns.
 */
export function customerText(sample: Sample): string {
  const turns = sample.transcript?.filter((t) => t.role === 'customer').map((t) => t.text) ?? [];
  if (sample.customer !== '' && turns[turns.length - 1] !== sample.customer) turns.push(sample.customer);
  if (turns.length === 1) return capText(turns[0] ?? '');
  return turns.map((t) => capText(t)).join('\n\n');
}
