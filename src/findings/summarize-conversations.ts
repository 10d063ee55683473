import { detectDistress } from '../detect/detect-distress.js';
import { detectHandoff } from '../detect/detect-handoff.js';
import type { ConversationSummary, SampleResult } from '../types.js';

interface OpenConversation {
  id: string;
  botTurns: number;
  drift: boolean;
  /** Bot turns up to and including the first that handed off. */
  handoffAfter?: number;
  patterns: Set<string>;
  /** Distress of the first and the latest customer message seen. */
  firstDistress?: number;
  lastDistress?: number;
}

/**
 * Conversation metrics from the per-turn samples (`metadata.conversation_id`), streamed: a
 * conversation's turns arrive together, so only the open one is held. A conversation drifts when
 * any of its turns does (its worst turn); `patterns` counts conversations with each
 * `conversation` rule's finding (loop, forgot-context…); the frustration trajectory compares the
 * customer's first and latest messages.
 */
export function createConversationAccumulator(): { add(result: SampleResult): void; finish(): ConversationSummary | undefined } {
  let open: OpenConversation | undefined;
  const totals: ConversationSummary = {
    conversations: 0,
    drifting: 0,
    patterns: {},
    handedOff: 0,
    meanBotTurnsUntilHandoff: 0,
    frustration: { rising: 0, steady: 0, easing: 0, calm: 0 },
  };
  let handoffTurns = 0;

  const close = () => {
    if (open === undefined) return;
    totals.conversations += 1;
    if (open.drift) totals.drifting += 1;
    for (const id of open.patterns) totals.patterns[id] = (totals.patterns[id] ?? 0) + 1;
    if (open.handoffAfter !== undefined) {
      totals.handedOff += 1;
      handoffTurns += open.handoffAfter;
    }
    const first = open.firstDistress ?? 0;
    const last = open.lastDistress ?? 0;
    const trajectory = first === 0 && last === 0 ? 'calm' : last > first ? 'rising' : last < first ? 'easing' : 'steady';
    totals.frustration[trajectory] += 1;
    open = undefined;
  };

  return {
    add(result) {
      const id = result.metadata['conversation_id'];
      if (typeof id !== 'string') return;
      if (open?.id !== id) {
        close();
        open = { id, botTurns: 0, drift: false, patterns: new Set() };
      }
      open.botTurns += 1;
      if (result.verdict === 'drift') open.drift = true;
      for (const finding of result.findings) if (finding.kind === 'conversation') open.patterns.add(finding.ruleId);
      if (open.handoffAfter === undefined && detectHandoff(result.response) !== undefined) open.handoffAfter = open.botTurns;
      if (result.customer.trim() !== '') {
        const level = detectDistress(result.customer).level;
        open.firstDistress ??= level;
        open.lastDistress = level;
      }
    },
    finish() {
      close();
      if (totals.conversations === 0) return undefined;
      totals.meanBotTurnsUntilHandoff = totals.handedOff === 0 ? 0 : Math.round((handoffTurns / totals.handedOff) * 100) / 100;
      return totals;
    },
  };
}
