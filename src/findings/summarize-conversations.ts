import type { ConversationSummary, SampleResult } from '../types.js';

/**
 * Conversation metrics over the audit, from the {@link ConversationVerdict} each conversation's last
 * turn carries (`judge-conversations.ts`): how many drift, which patterns occurred, handoffs and the
 * frustration trajectory. Absent when no sample came from a conversation.
 */
export function createConversationAccumulator(): { add(result: SampleResult): void; finish(): ConversationSummary | undefined } {
  const totals: ConversationSummary = {
    conversations: 0,
    drifting: 0,
    patterns: {},
    handedOff: 0,
    meanBotTurnsUntilHandoff: 0,
    frustration: { rising: 0, steady: 0, easing: 0, calm: 0 },
  };
  let handoffTurns = 0;
  return {
    add({ conversation }) {
      if (conversation === undefined) return;
      totals.conversations += 1;
      if (conversation.verdict === 'drift') totals.drifting += 1;
      for (const id of conversation.patterns) totals.patterns[id] = (totals.patterns[id] ?? 0) + 1;
      if (conversation.handoffTurn !== undefined) {
        totals.handedOff += 1;
        handoffTurns += conversation.handoffTurn + 1;
      }
      totals.frustration[conversation.frustration] += 1;
    },
    finish() {
      if (totals.conversations === 0) return undefined;
      totals.patterns = Object.fromEntries(Object.entries(totals.patterns).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      totals.meanBotTurnsUntilHandoff = totals.handedOff === 0 ? 0 : Math.round((handoffTurns / totals.handedOff) * 100) / 100;
      return totals;
    },
  };
}
