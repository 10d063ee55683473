import { detectAcknowledgement } from '../detect-acknowledgement.js';
import { detectDistress } from '../detect-distress.js';
import { detectHandoff } from '../detect-handoff.js';
import { isCompanyTurn, type IndexedTurn } from './read-conversation.js';

export interface FrustrationIgnored {
  /** Customer turns that showed distress, and the distress level of each customer turn in order. */
  upsetTurns: number[];
  trajectory: number[];
}

/**
 * Whether the customer's distress persists over the conversation (two or more upset customer
 * turns, the latest one among them) while no company turn after the first upset message
 * acknowledges it.
 */
export function detectFrustrationIgnored(turns: readonly IndexedTurn[]): FrustrationIgnored | undefined {
  const customers = turns.filter((t) => t.role === 'customer');
  // Persisting needs two customer messages: a single reply (one message) is decided here, cheaply.
  if (customers.length < 2) return undefined;
  const trajectory = customers.map((t) => detectDistress(t.text).level);
  const upsetTurns = customers.filter((_, i) => (trajectory[i] ?? 0) > 0).map((t) => t.index);
  if (upsetTurns.length < 2) return undefined;
  // Still upset in the latest message: the frustration has persisted, whether or not it grew.
  if ((trajectory[trajectory.length - 1] ?? 0) === 0) return undefined;
  const last = turns[turns.length - 1];
  if (last !== undefined && isCompanyTurn(last) && detectHandoff(last.text) !== undefined) return undefined;
  const firstUpset = upsetTurns[0]!;
  const acknowledged = turns.some((t) => isCompanyTurn(t) && t.index > firstUpset && detectAcknowledgement(t.text).sincere !== undefined);
  return acknowledged ? undefined : { upsetTurns, trajectory };
}
