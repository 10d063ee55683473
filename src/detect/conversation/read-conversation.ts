import type { Turn } from '../../types.js';

/** One bot or customer turn with its place in the conversation (0-based over all turns). */
export interface IndexedTurn extends Turn {
  index: number;
}

/** The conversation as the checks read it: every turn, the reply under audit last (as a bot turn). */
export function conversationTurns(transcript: readonly Turn[] | undefined, reply: string): IndexedTurn[] {
  const turns = [...(transcript ?? []), { role: 'bot' as const, text: reply }];
  return turns.map((turn, index) => ({ ...turn, index }));
}

/** Bot turns, human agents included: both speak for the company. */
export function isCompanyTurn(turn: Turn): boolean {
  return turn.role === 'bot' || turn.role === 'agent';
}
