import type { ConversationVerdict } from '../../types.js';

/** "2 of 3 bot turns drift · loop, forgot-context · frustration rising · handed off at bot #2". */
export function describeConversation(conversation: ConversationVerdict): string {
  const turns = `${conversation.driftingTurns.length} of ${conversation.botTurns} bot ${conversation.botTurns === 1 ? 'turn' : 'turns'} drift`;
  const parts = [turns, ...(conversation.patterns.length > 0 ? [conversation.patterns.join(', ')] : []), `frustration ${conversation.frustration}`];
  if (conversation.handoffTurn !== undefined) parts.push(`handed off at bot #${conversation.handoffTurn}`);
  return parts.join(' · ');
}
