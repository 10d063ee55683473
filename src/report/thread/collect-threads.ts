import { isJudgedBotTurn } from '../../load/samples/expand-turns.js';
import { conversationIdOf } from '../../load/samples/expand-turns.js';
import type { ConversationVerdict, SampleResult, TurnRole } from '../../types.js';

/** One message of a conversation as the thread views show it. */
export interface ThreadMessage {
  role: TurnRole;
  text: string;
  /** Bot turns only: the 0-based bot turn, as in the sample id `<conversation>#<turn>`. */
  botTurn?: number;
  /** Bot turns that were judged and kept (the drifting ones, and the last): their result. */
  result?: SampleResult;
}

/** A whole conversation: its verdict, where it came from, and every message in order. */
export interface Thread {
  conversation: ConversationVerdict;
  /** The conversation's last judged turn (its source line is the conversation's record). */
  last: SampleResult;
  messages: ThreadMessage[];
}

/**
 * Rebuilds conversations from per-turn results as they stream past. The last turn carries the
 * whole transcript and the conversation's verdict, so only the open conversation's drifting turns
 * are held (for their findings); passing turns are shown from the transcript.
 * `push` returns the thread when `result` closed one; a turn of a conversation returns undefined.
 */
export function createThreadCollector(): { push(result: SampleResult): Thread | undefined; isTurn(result: SampleResult): boolean; pending(): SampleResult[] } {
  let openId: string | undefined;
  let kept = new Map<number, SampleResult>();
  return {
    isTurn: (result) => conversationIdOf(result) !== undefined,
    push(result) {
      const id = conversationIdOf(result);
      if (id === undefined) return undefined;
      if (id !== openId) {
        openId = id;
        kept = new Map();
      }
      const turn = result.metadata['turn'];
      if (typeof turn === 'number' && result.verdict !== 'pass') kept.set(turn, result);
      if (result.conversation === undefined) return undefined;
      const thread = threadOf(result, result.conversation, kept);
      openId = undefined;
      kept = new Map();
      return thread;
    },
    /** Turns of a conversation that never closed (an interrupted run), to be shown on their own. */
    pending: () => [...kept.values()],
  };
}

function threadOf(last: SampleResult, conversation: ConversationVerdict, kept: ReadonlyMap<number, SampleResult>): Thread {
  const messages: ThreadMessage[] = [];
  let bot = 0;
  for (const turn of last.transcript ?? []) {
    if (!isJudgedBotTurn(turn)) {
      messages.push({ role: turn.role, text: turn.text });
      continue;
    }
    const result = kept.get(bot);
    messages.push({ role: 'bot', text: turn.text, botTurn: bot, ...(result ? { result } : {}) });
    bot += 1;
  }
  messages.push({ role: 'bot', text: last.response, botTurn: bot, result: last });
  return { conversation, last, messages };
}

/**
 * Every conversation among `samples` (a whole result) as a thread, and the samples that are not
 * conversation turns, for the formats that render all at once.
 */
export function threadsOf(samples: readonly SampleResult[]): { threads: Thread[]; replies: SampleResult[] } {
  const collector = createThreadCollector();
  const threads: Thread[] = [];
  const replies: SampleResult[] = [];
  for (const sample of samples) {
    if (!collector.isTurn(sample)) {
      replies.push(sample);
      continue;
    }
    const thread = collector.push(sample);
    if (thread) threads.push(thread);
  }
  // Turns whose conversation never closed (an interrupted run) are shown as replies.
  return { threads, replies: [...replies, ...collector.pending()] };
}

/** Drifting conversations, most drifting turns first, then most patterns, then input order. */
export function selectWorstThreads(threads: readonly Thread[], max: number): Thread[] {
  return threads
    .map((thread, index) => ({ thread, index }))
    .filter(({ thread }) => thread.conversation.verdict === 'drift')
    .sort(
      (a, b) =>
        b.thread.conversation.driftingTurns.length - a.thread.conversation.driftingTurns.length ||
        b.thread.conversation.patterns.length - a.thread.conversation.patterns.length ||
        a.index - b.index,
    )
    .slice(0, max)
    .map(({ thread }) => thread);
}
