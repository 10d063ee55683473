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
  // The turn that hands off is the fix, not the fault: the lateness is the earlier turns' (and the conversation's).
  if (last === undefined || !isCompanyTurn(last) || detectHandoff(last.text) !== undefined) return undefined;
  const asks: number[] = [];
  for (const turn of turns) {
    if (turn.role === 'customer') {
      if (detectCustomerTopic(turn.text, 'human-request') !== undefined || detectCustomerTopic(turn.text, 'repeated-complaint') !== undefined) asks.push(turn.index);
      continue;
    }
    // Handed off earlier in the conversation: this reply is not the late one.
    if (isCompanyTurn(turn) && turn.index < last.index && detectHandoff(turn.text) !== undefined) return undefined;
  }
  // Still no handoff: asked twice, or asked once and an earlier bot turn already let it pass.
  return asks.length >= 2 || asks.some((i) => i < last.index - 1) ? { asks } : undefined;
}
