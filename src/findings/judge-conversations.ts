import { detectDistress } from '../detect/detect-distress.js';
import { detectHandoff } from '../detect/detect-handoff.js';
import { conversationIdOf } from '../load/samples/expand-turns.js';
import type { ConversationVerdict, FrustrationTrajectory, SampleResult } from '../types.js';

interface OpenConversation {
  id: string;
  botTurns: number;
  driftingTurns: number[];
  ungraded: boolean;
  patterns: Set<string>;
  handoffTurn?: number;
  /** Distress of the first, the latest and the most upset customer message seen. */
  firstDistress?: number;
  lastDistress?: number;
  peakDistress: number;
}

/**
 * The conversation stage of the engine: judges each conversation as a whole from its bot turns'
 * results and puts the {@link ConversationVerdict} on its last turn. A conversation's turns arrive
 * together, so only the open conversation's running state and its latest result are held: each
 * result leaves one result late (the next tells whether it was the last), and memory stays flat.
 * `push` returns the results ready to go on, in order; `flush` the held one at the end.
 */
export function createConversationJudge(): { push(result: SampleResult): SampleResult[]; flush(): SampleResult[] } {
  let open: OpenConversation | undefined;
  let held: SampleResult | undefined;

  const release = (closing: boolean): SampleResult[] => {
    if (held === undefined) return [];
    const last = held;
    held = undefined;
    if (!closing || open === undefined) return [last];
    const conversation = verdictOf(open);
    open = undefined;
    return [{ ...last, conversation }];
  };

  return {
    push(result) {
      const id = conversationIdOf(result);
      const ready = release(id === undefined || id !== open?.id);
      if (id === undefined) return [...ready, result];
      open ??= { id, botTurns: 0, driftingTurns: [], ungraded: false, patterns: new Set(), peakDistress: 0 };
      observe(open, result);
      held = result;
      return ready;
    },
    flush: () => release(true),
  };
}

function observe(open: OpenConversation, result: SampleResult): void {
  const turn = open.botTurns;
  open.botTurns += 1;
  if (result.verdict === 'drift') open.driftingTurns.push(turn);
  if (result.verdict === 'ungraded') open.ungraded = true;
  for (const finding of result.findings) if (finding.kind === 'conversation') open.patterns.add(finding.ruleId);
  if (open.handoffTurn === undefined && detectHandoff(result.response) !== undefined) open.handoffTurn = turn;
  if (result.customer.trim() !== '') {
    const level = detectDistress(result.customer).level;
    open.firstDistress ??= level;
    open.lastDistress = level;
    open.peakDistress = Math.max(open.peakDistress, level);
  }
}

function verdictOf(open: OpenConversation): ConversationVerdict {
  return {
    id: open.id,
    // Its worst turn decides: one drifting turn makes the conversation drift.
    verdict: open.driftingTurns.length > 0 ? 'drift' : open.ungraded ? 'ungraded' : 'pass',
    botTurns: open.botTurns,
    driftingTurns: open.driftingTurns,
    patterns: [...open.patterns].sort(),
    ...(open.handoffTurn !== undefined ? { handoffTurn: open.handoffTurn } : {}),
    frustration: trajectoryOf(open.firstDistress ?? 0, open.lastDistress ?? 0, open.peakDistress),
  };
}

/** Rising: the customer ends more upset than they began; easing: down from their worst; calm: never upset. */
function trajectoryOf(first: number, last: number, peak: number): FrustrationTrajectory {
  if (peak === 0) return 'calm';
  return last > first ? 'rising' : last < peak ? 'easing' : 'steady';
}
