import type { Sample } from '../../types.js';
import { detectAcknowledgement } from '../detect-acknowledgement.js';
import { detectHandoff } from '../detect-handoff.js';
import { isCompanyTurn } from './read-conversation.js';

/** Transcript indexes of the last company turns that dealt with what the customer raised before them (-1: none). */
export interface SettledTurns {
  /** The last company turn that handed the case to a person: triggers raised before it are theirs now. */
  handedOff: number;
  /** The last company turn that acknowledged the customer or handed off: feelings before it were met. */
  acknowledged: number;
}

const NONE: SettledTurns = { handedOff: -1, acknowledged: -1 };

/**
 * Where the context of a reply in a conversation starts afresh. Each bot turn answers what is
 * still open: a price question handed to sales three turns ago does not need handing off again,
 * and annoyance the bot already acknowledged does not need acknowledging in every later turn.
 * The conversation checks (late escalation, frustration ignored) look at the whole thread.
 */
export function settledTurns(sample: Sample): SettledTurns {
  const transcript = sample.transcript;
  if (transcript === undefined || transcript.length === 0) return NONE;
  let handedOff = -1;
  let acknowledged = -1;
  for (let i = transcript.length - 1; i >= 0 && (handedOff < 0 || acknowledged < 0); i--) {
    const turn = transcript[i];
    if (turn === undefined || !isCompanyTurn(turn)) continue;
    const handoff = handedOff < 0 && detectHandoff(turn.text) !== undefined;
    if (handoff) handedOff = i;
    if (acknowledged < 0 && (handoff || i === handedOff || detectAcknowledgement(turn.text).sincere !== undefined)) acknowledged = i;
  }
  return { handedOff, acknowledged };
}
