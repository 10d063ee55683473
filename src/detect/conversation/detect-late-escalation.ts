import { detectCustomerTopic } from '../detect-customer-topics.js';
import { detectHandoff } from '../detect-handoff.js';
import { isCompanyTurn, type IndexedTurn } from './read-conversation.js';

export interface LateEscalation {
  /** Customer turns that asked for a person (or said they were going in circles), none answered with a handoff. */
  asks: number[];
}

/**
 * Whether the reply is (still) late to hand off: the customer has asked for a person (or said the
 * bot goes in circles) twice, or once with an earlier bot turn already letting it pass, and neither
 * this reply nor an earlier company turn handed off. The turn that finally hands off is not flagged.
 */
export function detectLateEscalation(turns: readonly IndexedTurn[]): LateEscalation | undefined {
  const last = turns[turns.length - 1];
  if (last === undefined || !isCompanyTurn(last)) return undefined;
  // Asked twice, or asked once and an earlier bot turn already let it pass. The asks are read
  // first because they are rarer and cheaper to find than handoffs (a single reply never has them).
  const asks = turns.filter((t) => t.role === 'customer' && asksForPerson(t.text)).map((t) => t.index);
  if (!(asks.length >= 2 || asks.some((i) => i < last.index - 1))) return undefined;
  // The turn that hands off is the fix, not the fault: the lateness is the earlier turns' (and the conversation's).
  if (detectHandoff(last.text) !== undefined) return undefined;
  // Handed off earlier in the conversation: this reply is not the late one.
  if (turns.some((t) => t.index < last.index && isCompanyTurn(t) && detectHandoff(t.text) !== undefined)) return undefined;
  return { asks };
}

function asksForPerson(text: string): boolean {
  return detectCustomerTopic(text, 'human-request') !== undefined || detectCustomerTopic(text, 'repeated-complaint') !== undefined;
}
