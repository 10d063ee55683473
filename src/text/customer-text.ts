import type { Sample, Turn } from '../types.js';
import { capText } from './cap-text.js';

/**
 * Everything the customer said that a reply answers: the customer turns of the transcript, oldest
 * first, then `sample.customer` unless it repeats the last customer turn (loaders set it to that
 * turn). Each part is capped by {@link capText}; parts are joined by blank lines so phrases never
 * run across turns. `after` (a transcript index) keeps only the turns after it: what the customer
 * said since a company turn that dealt with the rest.
 */
export function customerText(sample: Sample, after = -1): string {
  const turns = sample.transcript?.filter((t, i) => i > after && t.role === 'customer').map((t) => t.text) ?? [];
  if (sample.customer !== '' && turns[turns.length - 1] !== sample.customer) turns.push(sample.customer);
  if (turns.length === 1) return capText(turns[0] ?? '');
  return turns.map((t) => capText(t)).join('\n\n');
}

/**
 * The message a reply answers: the text of the last customer turn, or '' when the customer has not
 * spoken. The one definition loaders and importers use to fill `Sample.customer`.
 */
export function lastCustomerMessage(turns: readonly Turn[]): string {
  return turns.findLast((turn) => turn.role === 'customer')?.text ?? '';
}

/**
 * What the customer said before the message a reply answers: the earlier customer turns, one per
 * line, leaving out the turn `sample.customer` already holds.
 */
export function earlierCustomerText(sample: Sample): string {
  return (sample.transcript ?? [])
    .filter((turn) => turn.role === 'customer' && turn.text !== sample.customer)
    .map((turn) => turn.text)
    .join('\n');
}
