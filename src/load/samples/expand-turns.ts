import type { Sample, Turn } from '../../types.js';
import { lastCustomerMessage } from '../../text/customer-text.js';

/** Which bot turns of a conversation are judged: every one, in the context before it, or only the last. */
export type TurnSelection = 'all' | 'last';

// Only the bot's turns are judged: a human agent's (`agent`) stay as context, so a ticket a person
// took over is not audited as if the bot had written the person's replies.
const isBotTurn = (turn: Turn) => turn.role === 'bot';

/** Whether a transcript turn is judged as a bot turn of its own (the thread views count turns the same way). */
export function isJudgedBotTurn(turn: Turn): boolean {
  return isBotTurn(turn) && turn.text.trim() !== '';
}

/**
 * One sample per bot turn of a conversation: each earlier bot turn becomes a sample judged in the
 * context of the turns before it, and the reply itself is the last. Ids are
 * `<conversation id>#<bot turn>` (0-based), so calibration and diffs keep a conversation's turns
 * together; metadata gains `conversation_id` and `turn`. A sample without a transcript, or whose
 * transcript has no bot turn, is returned as it is (one reply, one sample).
 */
export function expandTurns(sample: Sample, selection: TurnSelection): Sample[] {
  const transcript = sample.transcript ?? [];
  const botTurns = transcript.filter(isBotTurn).length;
  if (selection === 'last' || botTurns === 0) return [sample];
  const samples: Sample[] = [];
  let bot = 0;
  transcript.forEach((turn, index) => {
    if (!isJudgedBotTurn(turn)) return;
    const before = transcript.slice(0, index);
    samples.push({
      ...sample,
      id: `${sample.id}#${bot}`,
      response: turn.text,
      customer: lastCustomerMessage(before),
      transcript: before,
      metadata: { ...sample.metadata, conversation_id: sample.id, turn: bot },
    });
    bot += 1;
  });
  samples.push({ ...sample, id: `${sample.id}#${bot}`, metadata: { ...sample.metadata, conversation_id: sample.id, turn: bot } });
  return samples;
}

/** The conversation a sample or its result belongs to (`expandTurns` sets it), if any. */
export function conversationIdOf(result: Pick<Sample, 'metadata'>): string | undefined {
  const id = result.metadata['conversation_id'];
  return typeof id === 'string' ? id : undefined;
}
